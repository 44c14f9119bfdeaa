// How often both ends of the hub ping a live connection (graphql-ws ping/pong; the gateway's SSE
// streams send a comment as often): idle sockets are cut by proxies at 30-60 s, and a peer that
// stops answering is dropped instead of holding its streams.
export const wsKeepAliveMs = 12_000;
