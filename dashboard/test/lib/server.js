// Starts the project's local mode (the real API + page over the bundled samples) on a free port, or uses the
// server named by DASHBOARD_BASE_URL when set (handy while developing the page).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
const JAR = path.join(ROOT, 'cli', 'target', 'lfv-metrics.jar');
const ARTIFACTS = path.join(ROOT, 'events', 'artifacts');
const THRESHOLDS = path.join(ROOT, 'events', 'thresholds.json');
const START_TIMEOUT_MS = 120_000;

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitUntilServing(baseUrl, child, output) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      throw new Error(`the local mode exited with ${child.exitCode} before serving:\n${output.join('')}`);
    }
    try {
      const response = await fetch(`${baseUrl}/projects`);
      if (response.ok) {
        const body = await response.json();
        if ((body.projects || []).length > 0) {
          return;
        }
      }
    } catch (error) {
      // not listening yet
    }
    await new Promise((resolve) => { setTimeout(resolve, 500); });
  }
  throw new Error(`the local mode did not serve ${baseUrl}/projects within ${START_TIMEOUT_MS} ms:\n${output.join('')}`);
}

export async function startLocalMode() {
  if (process.env.DASHBOARD_BASE_URL) {
    return { baseUrl: process.env.DASHBOARD_BASE_URL.replace(/\/$/, ''), stop: async () => {} };
  }
  if (!existsSync(JAR)) {
    throw new Error(`${JAR} is missing: build it first (mvn -B -DskipTests package)`);
  }
  const state = mkdtempSync(path.join(tmpdir(), 'lfv-dashboard-state-'));
  const port = await freePort();
  const args = ['-jar', JAR, 'local', '--artifacts', ARTIFACTS, '--state', state, '--port', String(port)];
  if (existsSync(THRESHOLDS)) {
    args.push('--thresholds', THRESHOLDS);
  }
  const child = spawn('java', args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const output = [];
  child.stdout.on('data', (chunk) => output.push(chunk.toString()));
  child.stderr.on('data', (chunk) => output.push(chunk.toString()));
  const baseUrl = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => { child.once('exit', resolve); });
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(state, { recursive: true, force: true });
  };
  try {
    await waitUntilServing(baseUrl, child, output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl, stop, output, state };
}

/**
 * Starts `lfv-metrics dashboard --api <apiUrl>` (the signing proxy) with throw-away credentials, so the page and
 * its API calls go through the proxy exactly as they would against a deployed stack.
 */
export async function startSigningProxy(apiUrl) {
  const port = await freePort();
  const env = {
    ...process.env,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY',
    AWS_EC2_METADATA_DISABLED: 'true',
  };
  const child = spawn('java', ['-jar', JAR, 'dashboard', '--api', apiUrl, '--region', 'us-east-1',
    '--port', String(port)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env });
  const output = [];
  const ready = new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk) => {
      output.push(chunk.toString());
      if (output.join('').includes('Dashboard: ')) {
        resolve();
      }
    });
    child.stderr.on('data', (chunk) => output.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`lfv-metrics dashboard exited with ${code}:\n${output.join('')}`)));
  });
  const timeout = new Promise((resolve, reject) => {
    setTimeout(() => reject(new Error(`lfv-metrics dashboard did not start:\n${output.join('')}`)), 60_000).unref();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => { child.once('exit', resolve); });
      child.kill('SIGTERM');
      await exited;
    }
  };
  try {
    await Promise.race([ready, timeout]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { baseUrl: `http://127.0.0.1:${port}`, stop, output };
}
