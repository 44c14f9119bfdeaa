// Resident identity card numbers (居民身份证号码, GB 11643-1999): 6-digit region, birth date
// YYYYMMDD, 3-digit sequence, check character (ISO 7064 MOD 11-2).
const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkCharacters = '10X98765432';

export function checkCharacter(first17: string): string {
  const sum = [...first17].reduce((acc, digit, i) => acc + Number(digit) * weights[i]!, 0);
  return checkCharacters[sum % 11]!;
}

/** What an ID-card number encodes (birth date YYYY-MM-DD, sex), or null when it is not valid. */
export function parseIdCard(raw: string): { number: string; birthDate: string; gender: 'FEMALE' | 'MALE' } | null {
  const number = raw.trim().toUpperCase();
  if (!/^\d{17}[\dX]$/.test(number) || checkCharacter(number.slice(0, 17)) !== number[17]) return null;
  const birthDate = `${number.slice(6, 10)}-${number.slice(10, 12)}-${number.slice(12, 14)}`;
  const date = new Date(`${birthDate}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== birthDate) return null;
  // The sequence's last digit is odd for men, even for women.
  return { number, birthDate, gender: Number(number[16]) % 2 ? 'MALE' : 'FEMALE' };
}

/** The only form the API shows: region and last four, e.g. 420103********1234. */
export function maskIdCard(number: string): string {
  return `${number.slice(0, 6)}${'*'.repeat(8)}${number.slice(-4)}`;
}

/** A valid number for demo data (region 420103: Jianghan District, Wuhan). */
export function demoIdCard(birthDate: string, sequence: number): string {
  const first17 = `420103${birthDate.replaceAll('-', '')}${String(sequence % 1000).padStart(3, '0')}`;
  return first17 + checkCharacter(first17);
}
