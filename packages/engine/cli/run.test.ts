import { fileURLToPath } from 'node:url';
import { flow, processXml } from '@shanzhi/engine/testing';
import { describe, expect, it } from 'vitest';
import { main } from './run.ts';

const example = (name: string) => fileURLToPath(new URL(`../examples/${name}`, import.meta.url));
const MODEL = example('key-matter.bpmn');
const SCRIPT = example('key-matter.answers.json');

/** Runs the CLI in-process; files named in `files` are served from memory, others from disk. */
async function run(argv: string[], options: { files?: Record<string, string>; answers?: string[] } = {}) {
  const out: string[] = [];
  const err: string[] = [];
  const answers = [...(options.answers ?? [])];
  const code = await main(argv, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    ...(options.files
      ? {
          readFile: (path: string) =>
            options.files?.[path] ??
            (() => {
              throw Object.assign(new Error('nope'), { code: 'ENOENT' });
            })(),
        }
      : {}),
    ...(options.answers ? { ask: async () => answers.shift() } : {}),
  });
  return { code, out: out.join('\n'), err: err.join('\n'), lines: out };
}

describe('pnpm engine:run on the key-matter example (四议两公开)', () => {
  it('runs the answers script to its end and the instance completes', async () => {
    const { code, out, err } = await run([MODEL, '--script', SCRIPT]);
    expect(err).toBe('');
    expect(code).toBe(0);
    for (let i = 1; i <= 20; i++) expect(out).toContain(`── 步骤 ${i}/20:`);
    // the first committee vote fails, the proposal goes back to the party branch
    expect(out).toMatch(/"outcome":"rejected"/);
    expect(out).toMatch(/连线\s+flow_rejected\s+deliberation_result → propose/);
    expect(out).toMatch(/进展\s+deliberate 两委会议商议\s+弃权/);
    expect(out).toMatch(/"outcome":"passed"/);
    expect(out).toMatch(/作业失败\s+notify_representatives 短信通知村民代表\s+短信网关超时\s+剩余重试 2/);
    expect(out).toMatch(/公告\s+publish_resolution 决议公开\s+「关于鹤峰村村道硬化工程的决议公示」 \(鹤峰村村务公开栏, 5 天\)/);
    expect(out).toMatch(/2026-01-07 09:00 {2}i1 +触发\s+objection_received 收到村民异议/);
    // timers fire at their own due time, not at the end of the jump
    expect(out).toMatch(/2026-01-10 09:00 {2}i1 +触发\s+posting_period 公示期满（5天）/);
    expect(out).toMatch(/2026-02-09 09:00 {2}i1 +开始\s+supervise 里水镇督办/);
    expect(out).toMatch(/实例结束\s+key_matter .*已完成/);
    expect(out).toContain('脚本执行完毕');
    expect(out).toMatch(/── 状态 Status ──\n {2}i1 {2}key_matter .*: 已完成/);
    expect(out).toMatch(/── 待办 Open tasks ──\n {2}（无）/);
    expect(out).toContain('"result": "村道硬化2.3公里已完工');
  });

  it('prints JSON lines with --json', async () => {
    const { code, lines } = await run([MODEL, '--script', SCRIPT, '--json', '--vars', '{"matterNo": "HF-1"}']);
    expect(code).toBe(0);
    const records = lines.map((l) => JSON.parse(l) as { type: string; instances?: { status: string }[] });
    expect(records.filter((r) => r.type === 'Step')).toHaveLength(20);
    expect(records.some((r) => r.type === 'ElementActivated')).toBe(true);
    expect(records.at(-1)?.type).toBe('Summary');
    expect(records.at(-1)?.instances?.[0]?.status).toBe('completed');
  });

  it('uses English labels with --lang en', async () => {
    const { code, out } = await run([MODEL, '--lang', 'en']);
    expect(code).toBe(0);
    expect(out).toMatch(/task\s+propose 党组织提议\s+candidates approver/);
    expect(out).toContain('active (waiting)');
  });

  it('without a script or a terminal, runs until the instance waits and says on what', async () => {
    const { code, out } = await run([MODEL, '--vars', '{"matterNo": "HF-9"}']);
    expect(code).toBe(0);
    expect(out).toMatch(/── 待办 Open tasks ──\n {2}i1 {2}propose 党组织提议 {2}\(approver\)/);
    expect(out).toMatch(/── 等待 Waiting on ──\n {2}i1 {2}objection_received 收到村民异议 {2}消息 'objection' 关联键 HF-9/);
  });

  it('is interactive when it can ask: complete a task, advance time, quit', async () => {
    const model = processXml(
      'p',
      `<startEvent id="s"/><userTask id="t" name="登记"/><intermediateCatchEvent id="w"><timerEventDefinition><timeDuration>PT2H</timeDuration></timerEventDefinition></intermediateCatchEvent><endEvent id="e"/>${flow('s', 't', 'w', 'e')}`,
    );
    const { code, out } = await run(['m.bpmn'], { files: { 'm.bpmn': model }, answers: ['1', '{"who": "村民"}', 'a', 'PT2H'] });
    expect(code).toBe(0);
    expect(out).toContain('1) 办理 待办 t 登记');
    expect(out).toMatch(/变量\s+p\s+\{"who":"村民"\}/);
    expect(out).toMatch(/1\) 定时 w 到期 2026-01-05 11:00/);
    expect(out).toMatch(/2026-01-05 11:00 {2}i1 +实例结束\s+p\s+已完成/);
    expect(out).toContain('已没有进行中的实例');
  });
});

describe('pnpm engine:run refuses', () => {
  it('a model with problems: exit 2, each problem with its element id and type', async () => {
    const broken = processXml(
      'p',
      `<startEvent id="s"/><exclusiveGateway id="gw"/><userTask id="a"/><userTask id="b"/>${flow('s', 'gw', 'a')}${flow('gw', 'b')}
       <serviceTask id="sms"/>`,
    );
    const { code, err, out } = await run(['broken.bpmn'], { files: { 'broken.bpmn': broken } });
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('模型有问题');
    expect(err).toMatch(/gw \(ExclusiveGateway\): flow gw_a leaves exclusive gateway gw without a condition/);
    expect(err).toMatch(/sms \(ServiceTask\): .*job type/);
  });

  it('bad --vars: exit 2 and the flag is named', async () => {
    const notJson = await run([MODEL, '--vars', '{village: 鹤峰村}']);
    expect(notJson.code).toBe(2);
    expect(notJson.err).toContain('--vars is not valid JSON');
    const notObject = await run([MODEL, '--vars', '["鹤峰村"]']);
    expect(notObject.code).toBe(2);
    expect(notObject.err).toContain('--vars must be a JSON object');
  });

  it('bad arguments and bad scripts: exit 2 before anything runs', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run([MODEL, '--lang', 'fr'])).err).toContain('--lang must be zh or en');
    const badStep = await run([MODEL, '--script', 's.json'], { files: { [MODEL]: '', 's.json': '[{"advance": "3 days"}]' } });
    expect(badStep.code).toBe(2);
    expect(badStep.err).toContain('step 1');
    expect(badStep.out).toBe('');
  });

  it('a rejected step: exit 1 with the error code and message, then the state', async () => {
    const script = JSON.stringify([{ complete: '党组织提议', vars: { committee: ['张建国'] } }, { complete: '村民代表会议决议' }]);
    const { code, out } = await run([MODEL, '--script', 'steps.json'], {
      files: { [MODEL]: await import('node:fs').then((fs) => fs.readFileSync(MODEL, 'utf8')), 'steps.json': script },
    });
    expect(code).toBe(1);
    expect(out).toMatch(
      /✗ 步骤被拒绝 2: SZ_TASK_NOT_FOUND: no open user task '村民代表会议决议'; open tasks: deliberate 两委会议商议 \(张建国\)/,
    );
    expect(out).toMatch(/── 待办 Open tasks ──\n {2}i1 {2}deliberate 两委会议商议 {2}\(张建国\)/);
  });

  it('--help documents the options and exits 0', async () => {
    const { code, out } = await run(['--help']);
    expect(code).toBe(0);
    for (const word of [
      '--vars',
      '--script',
      '--json',
      '--lang',
      '"complete"',
      '"advance"',
      '"message"',
      '"signal"',
      '"job"',
      '"failJob"',
      'Exit codes',
    ])
      expect(out).toContain(word);
  });
});
