import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT, SEED_FIXTURES } from '../support/shared';
import { startFakeStack, type FakeStack } from '../support/fake-stack';
import type { ModuleCensus } from '../support/module-census';
import { EXIT_CODES } from '../../lambdas/local/exit-codes';
import { TEXT_SEPARATOR } from '../../lambdas/local/output';
import type { ArticleRecord } from '../../lambdas/core/types';

/** The built CLI and the test hooks, spawned as a user runs it (npm test builds dist/ first). */
const DIST = join(REPO_ROOT, 'dist');
const CLI = join(DIST, 'lambdas', 'local', 'cli.js');
const CENSUS_HOOK = join(DIST, 'test', 'support', 'module-census.js');
const READ_FAULTS_HOOK = join(DIST, 'test', 'support', 'cli-read-faults.js');

const TEXT_PAGE = join(SEED_FIXTURES, 'connect-news', '004_40c3cd73cfebb816.txt');
const HTML_PAGE = join(REPO_ROOT, 'test', 'fixtures', 'hostile');

interface Run {
  code: number | null;
  /** Set when the process was killed instead of exiting (code is then null). */
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Spawned without blocking: the fake stack's server lives in this process and must keep answering. */
function run(args: string[], opts: { env?: NodeJS.ProcessEnv; input?: string; require?: string[] } = {}): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...(opts.require ?? []).flatMap((r) => ['--require', r]), CLI, ...args], {
      cwd: REPO_ROOT,
      env: { ...process.env, ...opts.env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code, signal, stdout, stderr }));
    child.stdin.end(opts.input ?? '');
  });
}

/** Which modules a command loaded: load-independent, unlike its start-up time. */
async function census(args: string[], dir: string): Promise<{ run: Run; census: ModuleCensus }> {
  const out = join(dir, `census-${Date.now()}-${Math.random().toString(36).slice(2)}.json`);
  const r = await run(args, { env: { NEWS_INGEST_MODULE_CENSUS: out }, require: [CENSUS_HOOK] });
  return { run: r, census: JSON.parse(readFileSync(out, 'utf8')) as ModuleCensus };
}

const HEAVY = ['@aws-sdk/', '@smithy/', 'dynalite', 's3rver', 'jsdom', 'linkedom', 'cli-table3'];
const loaded = (c: ModuleCensus, pkg: string) => c.files.some((f) => f.includes(`/node_modules/${pkg}`));

describe('news-ingest CLI tells the truth (built, spawned)', () => {
  let dir: string;

  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('dist/ is missing: run `npm run build` (npm test does it first).');
    dir = mkdtempSync(join(tmpdir(), 'news-ingest-cli-truth-'));
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('--help and --version load no AWS SDK, server or DOM; clean of a text page loads no DOM either', async () => {
    const help = await census(['--help'], dir);
    expect(help.run.code).toBe(0);
    for (const pkg of HEAVY) expect([pkg, loaded(help.census, pkg)]).toEqual([pkg, false]);
    expect(help.census.modules).toBeLessThan(30);

    const version = await run(['--version']);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string }).version);

    const text = await census(['clean', TEXT_PAGE, '--format', 'json'], dir);
    expect(text.run.code).toBe(0);
    for (const pkg of HEAVY) expect([pkg, loaded(text.census, pkg)]).toEqual([pkg, false]);

    // An HTML page needs the default DOM, still not the SDK or the servers.
    const html = await census(['clean', HTML_PAGE, '--format', 'json'], dir);
    expect(html.run.code).toBe(0);
    expect(loaded(html.census, 'linkedom')).toBe(true);
    for (const pkg of ['@aws-sdk/', 'dynalite', 's3rver', 'jsdom']) expect([pkg, loaded(html.census, pkg)]).toEqual([pkg, false]);
  });

  it('--help lists every exit code, and the README documents each one with the same meaning', async () => {
    const help = await run(['--help']);
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    for (const e of EXIT_CODES) {
      expect(help.stdout).toContain(`  ${e.code}  ${e.meaning}`);
      expect(readme).toContain(`| ${e.code} | ${e.meaning} |`);
    }
  });

  it('a path that does not exist is one sentence and exit 1, before anything starts', async () => {
    const missing = join(dir, 'no-such-folder');
    for (const cmd of ['clean', 'ingest']) {
      const r = await run([cmd, TEXT_PAGE, missing], { env: { NEWS_INGEST_DATA_DIR: join(dir, 'never-created') } });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`No such file or directory: ${missing}.\n`);
      expect(r.stdout).toBe('');
    }
    expect(existsSync(join(dir, 'never-created'))).toBe(false);
  });

  it('clean --format text prints the text alone; standard input is read for - or when nothing is named', async () => {
    const json = JSON.parse((await run(['clean', TEXT_PAGE, '--format', 'json'])).stdout) as ArticleRecord[];
    const text = await run(['clean', TEXT_PAGE, '--format', 'text']);
    expect(text.code).toBe(0);
    expect(text.stdout).toBe(json[0].body + '\n');

    const page = readFileSync(TEXT_PAGE, 'utf8');
    const piped = await run(['clean', '--format', 'text'], { input: page });
    expect(piped.stdout).toBe(json[0].body + '\n');
    const dash = await run(['clean', '-', '--outlet', 'connect-news', '--format', 'json'], { input: page });
    const fromStdin = (JSON.parse(dash.stdout) as ArticleRecord[])[0];
    expect(fromStdin).toMatchObject({ outlet: 'connect-news', sourceKey: 'raw/connect-news/stdin', paragraphs: json[0].paragraphs });

    // Two inputs: the texts are told apart by a form-feed line.
    const both = await run(['clean', TEXT_PAGE, '-', '--format', 'text'], { input: page });
    expect(both.stdout).toBe(json[0].body + TEXT_SEPARATOR + json[0].body + '\n');

    const notForStories = await run(['stories', '--format', 'text']);
    expect(notForStories.code).toBe(2);
    expect(notForStories.stderr).toBe("news-ingest: --format text prints records' text; stories prints no records.\n");
  });

  it('clean --out writes one file per input and refuses two inputs that would share a file', async () => {
    const out = join(dir, 'out');
    const r = await run(['clean', SEED_FIXTURES, '--out', out, '--format', 'text']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`Wrote 5 file(s) under ${out}.\n`);
    expect(readdirSync(out).sort()).toEqual(readdirSync(SEED_FIXTURES).sort());
    const json = JSON.parse((await run(['clean', TEXT_PAGE, '--format', 'json'])).stdout) as ArticleRecord[];
    expect(readFileSync(join(out, 'connect-news', '004_40c3cd73cfebb816.txt.txt'), 'utf8')).toBe(json[0].body + '\n');

    const asJson = await run(['clean', TEXT_PAGE, '--out', out, '--format', 'json']);
    expect(asJson.code).toBe(0);
    expect((JSON.parse(readFileSync(join(out, 'connect-news', '004_40c3cd73cfebb816.txt.json'), 'utf8')) as ArticleRecord).paragraphs).toEqual(
      json[0].paragraphs,
    );

    const twins = join(dir, 'twins');
    for (const sub of ['a', 'b']) {
      mkdirSync(join(twins, sub, 'same-outlet'), { recursive: true });
      writeFileSync(join(twins, sub, 'same-outlet', 'page.txt'), readFileSync(TEXT_PAGE));
    }
    const clash = await run(['clean', join(twins, 'a'), join(twins, 'b'), '--out', join(dir, 'out2')]);
    expect(clash.code).toBe(2);
    expect(clash.stderr).toMatch(/^news-ingest: Two inputs would both be written to .*page\.txt\.json; clean them in separate runs\.\n$/);
    expect(existsSync(join(dir, 'out2'))).toBe(false);
  });

  it('AWS flags without --stack are refused instead of ignored', async () => {
    const r = await run(['--region', 'eu-west-1', '--endpoint-url', 'http://127.0.0.1:1', 'stats']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('news-ingest: Use --region, --endpoint-url with --stack only; local commands run their own servers.\n');
  });

  it('ingest exits 4 and names the file when its message dead-letters; redrive exits 4 while it fails and 0 once it is stored', async () => {
    const dataDir = join(dir, 'dead-letters');
    const pages = join(dir, 'dl-pages', 'some-outlet');
    mkdirSync(pages, { recursive: true });
    writeFileSync(join(pages, 'fine.txt'), readFileSync(TEXT_PAGE));
    writeFileSync(join(pages, 'unreachable.txt'), readFileSync(join(SEED_FIXTURES, 'rferl', '002_8be68de1523f1942.txt')));
    const faulty = { env: { NEWS_INGEST_DATA_DIR: dataDir, NEWS_INGEST_TEST_FAIL_READS: 'unreachable' }, require: [READ_FAULTS_HOOK] };

    const ingest = await run(['ingest', pages, '--format', 'json'], faulty);
    expect(ingest.code).toBe(4);
    const stored = JSON.parse(ingest.stdout) as ArticleRecord[];
    expect(stored.map((r) => r.sourceKey)).toEqual(['raw/some-outlet/fine.txt']);
    expect(ingest.stderr).toContain(`Not stored: ${join(pages, 'unreachable.txt')} (dead-lettered: `);
    expect(ingest.stderr).toContain('`news-ingest redrive` replays it).');
    // The handler's log lines went to stderr: stdout held the records alone (parsed above).
    expect(ingest.stderr).toContain('injected S3 outage for raw/some-outlet/unreachable.txt');
    expect(ingest.stderr).toMatch(/news-ingest: 1 of 2 file\(s\) were not stored\.\n$/);

    const again = await run(['redrive'], faulty);
    expect(again.code).toBe(4);
    expect(again.stderr).toMatch(/\nnews-ingest: Redrove 1 dead-lettered message\(s\); 1 dead-lettered again\.\n$/);

    const healed = await run(['redrive'], { env: { NEWS_INGEST_DATA_DIR: dataDir } });
    expect({ code: healed.code, signal: healed.signal, stderr: healed.stderr }).toEqual({ code: 0, signal: null, stderr: expect.any(String) });
    expect(healed.stderr).toBe('Redrove 1 dead-lettered message(s); 0 dead-lettered again.\n');
    const listed = JSON.parse((await run(['list', '--format', 'json'], { env: { NEWS_INGEST_DATA_DIR: dataDir } })).stdout) as ArticleRecord[];
    expect(listed.map((r) => r.sourceKey).sort()).toEqual(['raw/some-outlet/fine.txt', 'raw/some-outlet/unreachable.txt']);
  });

  describe('--stack against a stack on 127.0.0.1 (--endpoint-url, --profile, --region, --verbose)', () => {
    let stack: FakeStack;
    let awsEnv: NodeJS.ProcessEnv;

    beforeAll(async () => {
      stack = await startFakeStack();
      // Credentials only from a profile, as a user of AWS tools has them; none in the environment.
      // (The S3-compatible server accepts this one key pair.)
      const aws = join(dir, 'aws');
      mkdirSync(aws, { recursive: true });
      writeFileSync(join(aws, 'credentials'), '[tester]\naws_access_key_id = S3RVER\naws_secret_access_key = S3RVER\n');
      writeFileSync(join(aws, 'config'), '[profile tester]\n');
      awsEnv = {
        AWS_SHARED_CREDENTIALS_FILE: join(aws, 'credentials'),
        AWS_CONFIG_FILE: join(aws, 'config'),
        AWS_ACCESS_KEY_ID: '',
        AWS_SECRET_ACCESS_KEY: '',
        AWS_SESSION_TOKEN: '',
        AWS_PROFILE: '',
        AWS_REGION: '',
        AWS_DEFAULT_REGION: '',
        AWS_ENDPOINT_URL: '',
        NEWS_INGEST_DATA_DIR: join(dir, 'stack-mode-never-local'),
      };
    });

    afterAll(() => stack.stop());

    const stackArgs = () => ['--stack', stack.name, '--endpoint-url', stack.endpoint, '--region', 'eu-west-1', '--profile', 'tester'];

    it('ingest uploads to the stack, and records that never arrive are named and exit 4 when the wait runs out', async () => {
      const r = await run([...stackArgs(), '--verbose', 'ingest', TEXT_PAGE, '--wait', '1', '--format', 'json'], { env: awsEnv });
      expect(r.stderr).not.toMatch(/ENOTFOUND|credential/i);
      expect(r.code).toBe(4);
      expect(JSON.parse(r.stdout)).toEqual([]);
      expect(r.stderr).toContain(`Not stored: ${TEXT_PAGE} (no record before the wait ran out; it may still arrive, or be in the dead-letter queue).`);
      expect(r.stderr).toMatch(/news-ingest: 1 of 1 file\(s\) were not stored\.\n$/);
      // --verbose: every call went to the given endpoint.
      expect(r.stderr).toContain(`news-ingest: POST ${stack.endpoint}/ → 200`);
      expect(r.stderr).toContain(`news-ingest: PUT ${stack.endpoint}/${stack.runtime.names.bucket}/raw/connect-news/004_40c3cd73cfebb816.txt`);
      expect(r.stderr).toMatch(/DynamoDB_20120810\.GetItem → 200/);
      // The upload reached the stack's bucket under raw/<outlet>/.
      const keys: string[] = [];
      for await (const page of stack.runtime.deps.objects.list(stack.runtime.names.bucket, 'raw/')) keys.push(...page.map((o) => o.key));
      expect(keys).toEqual(['raw/connect-news/004_40c3cd73cfebb816.txt']);
      expect(existsSync(join(dir, 'stack-mode-never-local'))).toBe(false);
    });

    it('an unknown stack is exit 1 with one sentence; an unknown id in the stack is exit 1', async () => {
      const noStack = await run(['--stack', 'Nope', '--endpoint-url', stack.endpoint, '--region', 'eu-west-1', '--profile', 'tester', 'get', 'a_x'], {
        env: awsEnv,
      });
      expect(noStack.code).toBe(1);
      expect(noStack.stderr).toBe('Stack Nope was not found in this account and region.\n');
      const noId = await run([...stackArgs(), 'get', 'a_doesnotexist'], { env: awsEnv });
      expect(noId.code).toBe(1);
      expect(noId.stderr).toBe('No article with id a_doesnotexist.\n');
    });
  });
});
