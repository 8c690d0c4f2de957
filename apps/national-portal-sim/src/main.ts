import 'reflect-metadata';
import { readFileSync } from 'node:fs';
import { simOptionsFromEnv } from './app/sim-config';
import { startSimulator } from './app/simulator';

/** The national public service portal simulator (Cổng DVCQG giả lập) for development and tests. */
async function main(): Promise<void> {
  const options = simOptionsFromEnv(process.env, (p) => readFileSync(p));
  const sim = await startSimulator(options, { logger: true });
  console.log(`Cổng DVCQG giả lập: ${sim.url} — trạng thái ${sim.url}/sim/state — lỗi giả lập: POST ${sim.url}/sim/faults`);
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((e) => {
  console.error(`[national-portal-sim] Không khởi động được: ${e instanceof Error ? e.message : e}`);
  process.exit(1);
});
