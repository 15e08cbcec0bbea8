/**
 * Print-job throughput. The printer simulator runs in its own process on a TCP port (like port
 * 9100 of a network printer); each job is a typical receipt (heading, fields, QR, cut):
 *  - product: POST /v1/print to the real agent, one job after another as a kiosk does, each
 *    answered once printed: durable queue on disk, ESC/POS encoding, status checks around it;
 *  - baseline, same run and simulator: the same ESC/POS bytes written straight to a socket,
 *    each followed by one DLE EOT status query whose reply confirms the printer took the job.
 * Both sides are checked afterwards against the simulator's list of printed jobs.
 */
import { Socket } from 'node:net';
import { encodeReceipt, parseDeviceAddress } from '@eldercare/device-agent';
import type { ReceiptDocument } from '@eldercare/domain';
import { startAgentOn, startSimulatedDevices, type SimulatedDevices } from './support/agent-devices';

const JOBS = Number(process.env.BENCH_PRINT_JOBS ?? 150);
const WARMUP = 10;

export function benchReceipt(id: string): ReceiptDocument {
  return {
    id,
    blocks: [
      { kind: 'heading', text: '受理回执' },
      { kind: 'field', label: '事项', value: '老年综合津贴领取渠道' },
      { kind: 'field', label: '申请人', value: '李*英' },
      { kind: 'field', label: '受理编号', value: id },
      { kind: 'rule' },
      { kind: 'qr', data: id, caption: '扫码查询进度' },
      { kind: 'text', text: '请妥善保管本回执', align: 'center' },
    ],
  };
}

async function countPrinted(devices: SimulatedDevices, prefix: string): Promise<number> {
  const prints = await devices.printer.control.prints();
  return prints.filter((p) => p.complete && p.previewText.includes(prefix)).length;
}

async function agentJobs(devices: SimulatedDevices): Promise<number> {
  const { client, close } = await startAgentOn(devices);
  try {
    await client.statusWhere('printer ready', (s) => s.printers.receipt.state === 'ready', 20_000);
    const run = `A${Date.now()}`;
    for (let i = 0; i < WARMUP; i++) await client.print({ role: 'receipt', document: benchReceipt(`${run}-w${i}`) });
    const start = performance.now();
    for (let i = 0; i < JOBS; i++) {
      const result = await client.print({ role: 'receipt', document: benchReceipt(`${run}-${i}`) });
      if (result.state !== 'printed') throw new Error(`job ${i}: ${result.state} ${result.code ?? ''}`);
    }
    const seconds = (performance.now() - start) / 1000;
    const printed = await countPrinted(devices, `${run}-`);
    if (printed !== JOBS + WARMUP) throw new Error(`agent: ${printed} of ${JOBS + WARMUP} jobs on paper`);
    return JOBS / seconds;
  } finally {
    await close();
  }
}

async function bareJobs(devices: SimulatedDevices): Promise<number> {
  const address = parseDeviceAddress(devices.printer.address);
  if (address.kind !== 'tcp') throw new Error('expected a TCP printer');
  const socket = new Socket();
  await new Promise<void>((resolve, reject) => socket.once('error', reject).connect(address.port, address.host, resolve));
  socket.setNoDelay(true);
  const replies: ((byte: number) => void)[] = [];
  socket.on('data', (chunk: Buffer) => {
    for (const byte of chunk) replies.shift()?.(byte);
  });
  const job = async (id: string) => {
    const reply = new Promise<number>((resolve) => replies.push(resolve));
    socket.write(encodeReceipt(benchReceipt(id)));
    socket.write(Uint8Array.of(0x10, 0x04, 0x04));
    await reply;
  };
  const run = `B${Date.now()}`;
  try {
    for (let i = 0; i < WARMUP; i++) await job(`${run}-w${i}`);
    const start = performance.now();
    for (let i = 0; i < JOBS; i++) await job(`${run}-${i}`);
    const seconds = (performance.now() - start) / 1000;
    const printed = await countPrinted(devices, `${run}-`);
    if (printed !== JOBS + WARMUP) throw new Error(`baseline: ${printed} of ${JOBS + WARMUP} jobs on paper`);
    return JOBS / seconds;
  } finally {
    socket.destroy();
  }
}

export async function benchAgentPrintThroughput() {
  const devices = await startSimulatedDevices();
  try {
    const bare = await bareJobs(devices);
    const agent = await agentJobs(devices);
    return { jobs: JOBS, agentJobsPerSecond: agent, bareJobsPerSecond: bare };
  } finally {
    await devices.stop();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await benchAgentPrintThroughput());
