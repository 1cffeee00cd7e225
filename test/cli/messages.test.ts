/**
 * Every kind of error the CLI prints to a person, once in Chinese (the default) and once with
 * --lang en, with its exit status (cli.md: 2 for a wrong call or an unreadable file); and --server
 * refusing plain http to another computer before any token leaves.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminCommand } from '../../scripts/cli/admin.js';
import { checkCommand } from '../../scripts/cli/check.js';
import { main } from '../../scripts/cli/dispatch.js';
import { UsageError } from '../../scripts/cli/io.js';
import { submitCommand } from '../../scripts/cli/submit.js';
import { captureIo, runCli, tempDir } from './harness.js';
import { cleanWorkbook } from './workbooks.js';

let tmp: Awaited<ReturnType<typeof tempDir>>;
let clean: string;
let corrupt: string;
let notJson: string;

beforeAll(async () => {
  tmp = await tempDir();
  clean = await tmp.file('clean.xlsx', await cleanWorkbook());
  corrupt = await tmp.file('corrupt.xlsx', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]));
  notJson = await tmp.file('policy.json', '{ id: ');
});
afterAll(() => tmp.cleanup());

/** The first line of standard error, in Chinese and then with --lang en appended. */
async function firstLines(...argv: string[]) {
  const zh = await runCli(...argv);
  const en = await runCli(...argv, '--lang', 'en');
  return {
    code: [zh.code, en.code],
    zh: zh.stderr.split('\n')[0] ?? '',
    en: en.stderr.split('\n')[0] ?? '',
    zhAll: zh.stderr,
  };
}

describe('the CLI’s errors in Chinese and in English', () => {
  // Functions: the temporary files' paths are known only once beforeAll has run.
  const cases: [string, () => string[], () => string, () => string][] = [
    ['no command', () => [], () => '错误：缺少命令', () => 'error: missing the command'],
    [
      'an unknown command',
      () => ['frobnicate'],
      () => '错误：未知命令“frobnicate”',
      () => 'error: unknown command "frobnicate"',
    ],
    [
      'an unknown option',
      () => ['validate', clean, '--bogus'],
      () => '错误：未知选项 --bogus',
      () => 'error: unknown option --bogus',
    ],
    [
      'an option without its value',
      () => ['validate', clean, '--year'],
      () => '错误：选项 --year 需要一个值',
      () => 'error: --year needs a value',
    ],
    [
      'a flag given a value',
      () => ['validate', clean, '--json=yes'],
      () => '错误：选项 --json 不带值',
      () => 'error: --json does not take a value',
    ],
    [
      'no workbook',
      () => ['validate'],
      () => '错误：缺少工作簿：请给出台账文件（.xlsx、.xlsm、.xls、WPS .et 或 .csv）的路径',
      () => 'error: missing the workbook: give the path of a ledger file (.xlsx, .xlsm, .xls, WPS .et or .csv)',
    ],
    [
      'two workbooks',
      () => ['validate', clean, clean],
      () => '错误：应给出 1 个文件',
      () => 'error: expected 1 file argument(s)',
    ],
    [
      'an argument too many',
      () => ['template', 'x', '--out', 'o.xlsx'],
      () => '错误：多余的参数：x',
      () => 'error: unexpected argument: x',
    ],
    [
      'a wrong year',
      () => ['validate', clean, '--year', '26'],
      () => '错误：--year 应为 2000 至 2100 之间的年份',
      () => 'error: --year must be a year from 2000 to 2100',
    ],
    [
      'a wrong date',
      () => ['check', clean, '--as-of', '2026-02-30'],
      () => '错误：--as-of 应为日期 YYYY-MM-DD',
      () => 'error: --as-of must be a date YYYY-MM-DD',
    ],
    [
      'a token without a server',
      () => ['check', clean, '--token', 't'],
      () => '错误：--token 需要同时给出 --server URL',
      () => 'error: --token needs --server URL',
    ],
    [
      'a missing option',
      () => ['fix', clean],
      () => '错误：缺少 --out OUT.xlsx',
      () => 'error: missing --out OUT.xlsx',
    ],
    [
      'an output that is not .xlsx',
      () => ['fix', clean, '--out', 'a.csv'],
      () => '错误：--out 必须是 .xlsx 文件：a.csv',
      () => 'error: --out must be an .xlsx file: a.csv',
    ],
    [
      'an output over the input',
      () => ['fix', clean, '--out', clean],
      () => '错误：--out 不能与输入文件相同',
      () => 'error: --out must differ from the input file',
    ],
    [
      'a missing file',
      () => ['validate', `${tmp.dir}/none.xlsx`],
      () => '错误：找不到文件：',
      () => 'error: file not found: ',
    ],
    ['an unreadable file', () => ['validate', corrupt], () => `错误：${corrupt}：`, () => `error: ${corrupt}: `],
    [
      'a missing policy file',
      () => ['check', clean, '--policy', `${tmp.dir}/none.json`],
      () => '错误：找不到政策文件：',
      () => 'error: policy file not found: ',
    ],
    [
      'a policy file that is not JSON',
      () => ['check', clean, '--policy', notJson],
      () => `错误：政策文件 ${notJson} 不是有效的 JSON`,
      () => `error: the policy file ${notJson} is not valid JSON`,
    ],
    [
      'plain http to another computer',
      () => ['submit', clean, '--server', 'http://bureau.example.cn', '--token', 't'],
      () => '错误：--server “http://bureau.example.cn”不可用：只接受 https:// 地址',
      () => 'error: --server "http://bureau.example.cn" cannot be used: Only https:// addresses',
    ],
    [
      'a server address with a path',
      () => ['check', clean, '--server', 'https://bureau.example.cn/api', '--token', 't'],
      () => '错误：--server “https://bureau.example.cn/api”不可用：服务器地址只填写域名',
      () => 'error: --server "https://bureau.example.cn/api" cannot be used: Give only the host',
    ],
    [
      'an unknown admin command',
      () => ['admin', 'frobnicate', '--server', 'https://x.example.cn', '--token', 't'],
      () => '错误：未知的 admin 命令“frobnicate”',
      () => 'error: unknown admin command "frobnicate"',
    ],
    [
      'admin init without a target',
      () => ['admin', 'init'],
      () => '错误：请给出 --local 或 --remote 之一',
      () => 'error: give exactly one of --local or --remote',
    ],
    [
      'admin with plain http',
      () => ['admin', 'bureau', 'list', '--server', 'http://10.0.0.5:8787', '--token', 't'],
      () => '错误：--server “http://10.0.0.5:8787”不可用：只接受 https://',
      () => 'error: --server "http://10.0.0.5:8787" cannot be used: Only https://',
    ],
    [
      'a wrong export format',
      () => [
        'admin',
        'export',
        '--year',
        '2026',
        '--bureau',
        'b',
        '--out',
        'x',
        '--format',
        'pdf',
        '--server',
        'https://x.example.cn',
        '--token',
        't',
      ],
      () => '错误：--format 只能是 csv 或 xlsx',
      () => 'error: --format must be csv or xlsx',
    ],
    [
      'a wrong --rural',
      () => [
        'admin',
        'school',
        'add',
        '--code',
        'c',
        '--name',
        'n',
        '--type',
        '小学',
        '--rural',
        'maybe',
        '--bureau',
        'b',
        '--server',
        'https://x.example.cn',
        '--token',
        't',
      ],
      () => '错误：--rural 只能是 yes 或 no',
      () => 'error: --rural must be yes or no',
    ],
    [
      'a revoke without its id',
      () => ['admin', 'token', 'revoke', '--server', 'https://x.example.cn', '--token', 't'],
      () => '错误：token revoke 需要令牌编号',
      () => 'error: token revoke needs the token id',
    ],
    [
      'an unknown catalogue command',
      () => ['admin', 'catalogue', 'frobnicate', '--year', '2026'],
      () => '错误：未知的 catalogue 命令“frobnicate”',
      () => 'error: unknown catalogue command "frobnicate"',
    ],
    [
      'a catalogue import over plain http',
      () => [
        'admin',
        'catalogue',
        'import',
        clean,
        '--year',
        '2026',
        '--server',
        'http://bureau.example.cn',
        '--token',
        't',
      ],
      () => '错误：--server “http://bureau.example.cn”不可用',
      () => 'error: --server "http://bureau.example.cn" cannot be used',
    ],
  ];

  it.each(cases)('should say %s in both languages and exit 2', async (_, argv, zh, en) => {
    const run = await firstLines(...argv());
    expect(run.code).toEqual([2, 2]);
    expect(run.zh.startsWith(zh()), run.zh).toBe(true);
    expect(run.en.startsWith(en()), run.en).toBe(true);
  });

  it('should follow a wrong call with the usage in its language, and an unreadable file without it', async () => {
    const wrong = await firstLines('validate', clean, '--bogus');
    expect(wrong.zhAll).toContain('\n\n用法：npm run --silent cli -- <命令> [选项]');
    expect(wrong.zhAll).not.toContain('usage:');
    expect((await runCli('validate', clean, '--bogus', '--lang', 'en')).stderr).toContain('\n\nusage: npm run');
    expect((await firstLines('validate', corrupt)).zhAll).not.toContain('用法');
    expect((await runCli('admin', 'frobnicate')).stderr).toContain('用法：npm run --silent cli -- admin');
    expect((await runCli('admin', 'frobnicate', '--lang', 'en')).stderr).toContain(
      'usage: npm run --silent cli -- admin',
    );
  });

  it('should print the help in Chinese, or in English with --lang en, and exit 0', async () => {
    for (const [argv, words] of [
      [['--help'], '用法：npm run --silent cli -- <命令> [选项]'],
      [['--help', '--lang', 'en'], 'usage: npm run --silent cli -- <command> [options]'],
      [['admin', 'help'], '退出码：0 正常，1 服务器拒绝'],
      [['admin', 'help', '--lang', 'en'], 'exit status: 0 ok, 1 refused by the server'],
      [['admin', 'catalogue', 'help'], '用法：npm run --silent cli -- admin catalogue'],
      [['admin', 'catalogue', 'help', '--lang=en'], 'usage: npm run --silent cli -- admin catalogue'],
    ] as const) {
      const run = await runCli(...argv);
      expect(run.code, argv.join(' ')).toBe(0);
      expect(run.stdout, argv.join(' ')).toContain(words);
    }
  });

  it('should keep the code in --json and give the message in the language asked for', async () => {
    const zh = JSON.parse((await runCli('validate', clean, '--bogus', '--json')).stdout);
    const en = JSON.parse((await runCli('validate', clean, '--bogus', '--json', '--lang', 'en')).stdout);
    expect(zh).toEqual({ ok: false, error: { code: 'usage.invalid', message: '未知选项 --bogus' } });
    expect(en).toEqual({ ok: false, error: { code: 'usage.invalid', message: 'unknown option --bogus' } });
  });
});

describe('--server', () => {
  const spy = () => {
    const urls: string[] = [];
    const fetch = (async (input: string | URL | Request) => {
      urls.push(String(input instanceof Request ? input.url : input));
      return new Response('{}', { status: 503 });
    }) as typeof globalThis.fetch;
    return { urls, fetch };
  };

  it('should refuse http to another computer before anything is sent', async () => {
    for (const server of ['http://bureau.example.cn', 'http://192.168.1.10:8787', 'http://localhost.example.cn']) {
      const s = spy();
      const submit = submitCommand([clean, '--server', server, '--token', 't0k'], captureIo().io, s);
      await expect(submit, server).rejects.toBeInstanceOf(UsageError);
      const check = checkCommand([clean, '--server', server, '--token', 't0k'], captureIo().io, s);
      await expect(check, server).rejects.toBeInstanceOf(UsageError);
      const admin = captureIo();
      expect(await adminCommand(['token', 'list', '--server', server, '--token', 't0k'], admin.io, s), server).toBe(2);
      expect(s.urls, server).toEqual([]);
    }
  });

  it('should send to https anywhere, and to http on this computer only (localhost, 127.0.0.1, [::1])', async () => {
    for (const server of [
      'https://bureau.example.cn',
      'http://localhost:8787',
      'http://127.0.0.1:8787',
      'http://[::1]:8787',
    ]) {
      const s = spy();
      await checkCommand([clean, '--server', server, '--token', 't0k', '--json'], captureIo().io, s);
      expect(s.urls[0], server).toBe(`${server}/api/v1/history`);
    }
  });
});

describe('progress on standard error', () => {
  it('should name each phase in Chinese, or in English with --lang en', async () => {
    const phases = async (...lang: string[]) => {
      const io = captureIo();
      await main(['validate', clean, '--year', '2026', ...lang], { ...io.io, stderrIsTty: true });
      return io.err();
    };
    const zh = await phases();
    expect(zh).toContain(`正在读取 ${clean}…`);
    expect(zh).toContain('正在校验…');
    expect(zh).toMatch(/完成 \(\d+\.\d s\)\n$/);
    const en = await phases('--lang', 'en');
    expect(en).toContain(`Reading ${clean}…`);
    expect(en).toMatch(/done \(\d+\.\d s\)\n$/);
  });
});
