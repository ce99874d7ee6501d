import process from 'node:process';
import { fileURLToPath } from 'node:url';
import { type Io, main } from './run.ts';

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));

const HEADER = `善治 Shanzhi engine demo: 鹤峰村 (里水镇) decides a key matter by "四议两公开"
(party branch proposal -> two-committee countersign vote -> representatives' resolution -> public posting ->
implementation, escalated to the town after 30 days -> result posting).

The model (examples/key-matter.bpmn) runs in memory on a simulated clock, answered step by step by
examples/key-matter.answers.json: the first committee vote fails and the proposal is revised, an SMS job
fails once and is retried, a villager objects during the posting period, the 30-day implementation timer
escalates to 里水镇. Below is the engine's event log, one line per event (time, instance, event, element,
key data), in Chinese; then the final status, variables and open tasks.
Try your own: pnpm engine:run <model.bpmn> --vars '{...}' [--script steps.json] [--lang en] [--json]
`;

/** `pnpm start` / `pnpm --filter @shanzhi/engine demo`: the example procedure with its answers. */
export async function demo(io: Io): Promise<number> {
  io.out(HEADER);
  return main(
    [
      example('key-matter.bpmn'),
      '--script',
      example('key-matter.answers.json'),
      '--vars',
      JSON.stringify({ village: '鹤峰村', town: '里水镇', matterNo: 'HF-1' }),
      '--business-key',
      'HF-1',
      '--lang',
      'zh',
    ],
    { out: io.out, err: io.err },
  );
}

process.exitCode = await demo({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
});
