// npm run token -- --role REPRESENTATIVE --community community-minzu-01 [--person <id>] [--street <id>]
//   [--department <id>] [--partner <id>] [--subject <sub>] [--expires 8h]
// Prints (to stdout) a token the running hub accepts: signed with the key the hub itself resolves,
// JWT_SECRET or the development key in .data/. With JWT_JWKS_URL the hub trusts an identity
// provider's keys, which this script does not hold.
import { ConfigError } from '@shequ/kit/config/problems';
import { parseArgs } from 'node:util';
import { roles } from '@shequ/kit/auth/caller';
import { claimsProblem, requiredClaims } from '@shequ/kit/auth/role-claims';
import { loadHubSecrets, SecretsConfigError } from '@shequ/kit/auth/secrets';
import { issueToken, type TokenClaims } from '@shequ/kit/auth/tokens';
import { dataRoot } from '@shequ/kit/paths';

const usage = `usage: npm run token -- --role <ROLE> [--community <id>] [--person <id>] [--street <id>] [--department <id>] [--partner <id>] [--subject <sub>] [--expires 8h]
roles: ${roles.map((r) => (requiredClaims[r].length ? `${r} (needs ${requiredClaims[r].map((c) => `--${flagOf(c)}`).join(' and ')})` : r)).join(', ')}`;

function flagOf(claim: string): string {
  return claim.replace(/Id$/, '');
}

function fail(message: string, code = 2): never {
  process.stderr.write(`token: ${message}\n${code === 2 ? `${usage}\n` : ''}`);
  process.exit(code);
}

let values: Record<string, string | boolean | undefined>;
try {
  ({ values } = parseArgs({
    options: {
      role: { type: 'string' },
      community: { type: 'string' },
      person: { type: 'string' },
      street: { type: 'string' },
      department: { type: 'string' },
      partner: { type: 'string' },
      subject: { type: 'string' },
      expires: { type: 'string', default: '8h' },
      help: { type: 'boolean', short: 'h' },
    },
  }));
} catch (error) {
  fail((error as Error).message);
}
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}

const str = (name: string) => (typeof values[name] === 'string' && values[name] !== '' ? (values[name] as string) : undefined);
const role = str('role')?.toUpperCase();
if (!role) fail('--role is required');
const claims = {
  role,
  communityId: str('community'),
  streetId: str('street'),
  departmentId: str('department'),
  partnerId: str('partner'),
  personId: str('person'),
};
const problem = claimsProblem(claims);
if (problem) fail(problem.replace(/(\w+)Id\b/g, '--$1'));
const expires = str('expires')!;
if (!/^\d{1,4}[smhd]$/.test(expires)) fail(`--expires must look like 30m, 8h or 7d, not "${expires}"`);

let secrets: ReturnType<typeof loadHubSecrets>;
try {
  secrets = loadHubSecrets(process.env, dataRoot);
} catch (error) {
  // A bad JWT_JWKS_URL (ConfigError) as much as a missing key: the loader's own lines.
  if (error instanceof SecretsConfigError || error instanceof ConfigError) fail(error.message, 1);
  throw error;
}
if (secrets.jwt.kind !== 'secret') {
  fail(`the hub verifies tokens with the keys at JWT_JWKS_URL (${secrets.jwt.url}); get a token from that identity provider, this script cannot mint one`, 1);
}

const token = await issueToken({ ...(claims as TokenClaims), sub: str('subject') ?? claims.personId }, secrets.jwt.secret, {
  issuer: secrets.jwt.issuer,
  audience: secrets.jwt.audience,
  expiresIn: expires,
});
const scope = Object.entries(claims)
  .filter(([k, v]) => k !== 'role' && v)
  .map(([k, v]) => `${k}=${v}`);
const key = secrets.development ? `the development key in ${secrets.developmentKeyFile}` : 'JWT_SECRET';
process.stderr.write(`${role}${scope.length ? ` (${scope.join(', ')})` : ''}, valid ${expires}, signed with ${key}\n`);
process.stdout.write(`${token}\n`);
