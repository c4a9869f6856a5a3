import { request, type Agent } from 'node:http';

export interface PostAnswer {
  status: number;
  body: string;
}

/** POST `body` with `headers` through a keep-alive `agent`, and read the whole answer. */
export function postRequest(agent: Agent, url: URL, body: string, headers: Record<string, string>): Promise<PostAnswer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}
