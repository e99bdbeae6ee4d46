// A stand-in documentation site on a second origin: one page that embeds the playground
// with the snippet from the Share dialog. GET /embed?src=<embed URL>.
import { createServer } from 'node:http';

const port = Number(process.argv[2] ?? 4174);

createServer((request, response) => {
  const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
  if (url.pathname === '/health') {
    response.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
    return;
  }
  if (url.pathname === '/embed') {
    const src = url.searchParams.get('src') ?? '';
    const snippet = url.searchParams.get('snippet') ?? `<iframe src="${src.replaceAll('"', '&quot;')}" title="K3s Registry Playground" style="width:100%;height:300px;border:0"></iframe>`;
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs page</title><link rel="icon" href="data:,"></head><body><h1>Docs page</h1>${snippet}</body></html>`);
    return;
  }
  if (url.pathname === '/element') {
    // A plain HTML page that loads the custom element from the playground's origin: GET /element?src=<element.js URL>&body=<markup>.
    const src = url.searchParams.get('src') ?? '';
    const body = url.searchParams.get('body') ?? '';
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Docs page with the element</title><link rel="icon" href="data:,"><script type="module" src="${src.replaceAll('"', '&quot;')}"></script></head><body><main><h1>Registry mirrors</h1>${body}</main></body></html>`);
    return;
  }
  response.writeHead(404).end();
}).listen(port, '127.0.0.1');
