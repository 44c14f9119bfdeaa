// SHEQU_SUBGRAPH_URLS=name=url,name=url: where subgraphs are, over the URLs composed into a
// supergraph (a deployment's addresses; `npm start` with free ports). The gateway and the
// registry read it alike; a malformed value is refused whole, since half-applied it would route
// some subgraphs to their composed URLs.
export class SubgraphUrlsError extends Error {}

export function parseSubgraphUrls(value: string | undefined): Map<string, string> {
  const urls = new Map<string, string>();
  if (value === undefined || value.trim() === '') return urls;
  const invalid = (why: string): never => {
    throw new SubgraphUrlsError(`SHEQU_SUBGRAPH_URLS must be name=url,name=url (e.g. evaluations=http://127.0.0.1:4005/graphql): ${why}`);
  };
  for (const pair of value.split(',')) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const url = pair.slice(at + 1).trim();
    if (at < 0 || !/^[A-Za-z_][\w-]*$/.test(name) || url === '') invalid(`"${pair}" is not name=url`);
    if (!URL.canParse(url) || !['http:', 'https:'].includes(new URL(url).protocol)) invalid(`"${url}" (for ${name}) is not an http(s) URL`);
    if (urls.has(name)) invalid(`${name} is named twice`);
    urls.set(name, url);
  }
  return urls;
}
