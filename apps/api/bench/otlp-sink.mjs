// A stand-in for the collector sidecar while benchmarking: accepts OTLP/HTTP exports on
// 127.0.0.1:$PORT, reads each body, answers 200 with an empty response (an empty protobuf
// message, or `{}` for JSON), and prints the totals when stopped. It keeps nothing.
import { createServer } from 'node:http';

const port = Number(process.env.PORT ?? 4318);
const totals = { requests: 0, bytes: 0, byPath: {} };
const server = createServer((request, response) => {
  request.on('data', (chunk) => {
    totals.bytes += chunk.length;
  });
  request.on('end', () => {
    totals.requests += 1;
    totals.byPath[request.url] = (totals.byPath[request.url] ?? 0) + 1;
    const json = request.headers['content-type']?.startsWith('application/json');
    response.writeHead(200, { 'content-type': json ? 'application/json' : 'application/x-protobuf' });
    response.end(json ? '{}' : '');
  });
});
server.listen(port, '127.0.0.1', () => console.log(`otlp sink on 127.0.0.1:${port}`));
const stop = () => {
  console.log(JSON.stringify(totals));
  process.exit(0);
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
