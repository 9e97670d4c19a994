// startStub() → first 201, measured from the spawn of a fresh node process running
// stub-first-201.js (compiled by targets.ts) to its "201" line.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { stubFirst201Js } from './targets.js';

function oneStart(cpu: number | undefined, cwd: string): Promise<number> {
  const args = [stubFirst201Js()];
  const [cmd, argv] = cpu === undefined ? [process.execPath, args] : ['taskset', ['-c', String(cpu), process.execPath, ...args]];
  const startedAt = performance.now();
  const child = spawn(cmd, argv, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr = (stderr + c.toString()).slice(-4000)));
  return new Promise((resolve, reject) => {
    let firstMs: number | undefined;
    createInterface({ input: child.stdout }).once('line', (line) => {
      if (line.trim() === '201') firstMs = performance.now() - startedAt;
      else reject(new Error(`startStub() script answered ${line}, not 201:\n${stderr}`));
    });
    child.once('exit', (code) => {
      if (firstMs !== undefined && code === 0) resolve(firstMs);
      else reject(new Error(`startStub() script exited ${code} ${firstMs === undefined ? 'before a 201' : 'after its 201'}:\n${stderr}`));
    });
  });
}

/** `samples` cold starts of startStub(), one after the other: spawn → first 201 in ms. */
export async function stubFirst201(samples: number, cpu: number | undefined, cwd: string): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < samples; i++) ms.push(await oneStart(cpu, cwd));
  return ms;
}
