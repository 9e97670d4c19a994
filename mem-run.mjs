import { startServer, defaultConfig } from '@ucs-fleet/server';
const srv = await startServer({ config: { ...defaultConfig, port: 18090, dataDir: ':memory:', logLevel: 'silent' } });
const f = (x) => (x/1e6).toFixed(0);
setInterval(() => { const u = process.memoryUsage(); console.log(`rss ${f(u.rss)} heapTotal ${f(u.heapTotal)} used ${f(u.heapUsed)} ext ${f(u.external)} ab ${f(u.arrayBuffers)}`); }, 1000).unref();
process.once('SIGINT', () => process.exit(0));
