import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import semver from 'semver';
import { loadConfig } from '@tradehub/platform';

const ROOT = path.resolve(__dirname, '../..');
const read = (file: string): string => fs.readFileSync(path.join(ROOT, file), 'utf8');
const markdown = ['README.md', ...fs.readdirSync(path.join(ROOT, 'docs')).map((f) => `docs/${f}`)].filter(
  (f) => f.endsWith('.md'),
);

/** Every file under these folders, skipping what is installed or built. */
function sources(...folders: string[]): string[] {
  return folders.flatMap((folder) =>
    fs.readdirSync(path.join(ROOT, folder), { recursive: true, withFileTypes: true }).flatMap((entry) => {
      const file = path.relative(ROOT, path.join(entry.parentPath, entry.name));
      return entry.isFile() && !file.includes('node_modules') ? [file] : [];
    }),
  );
}

describe('the repository stands alone: what README and docs point at is inside it', () => {
  it('no document or source refers to a folder beside the repository', () => {
    const files = [...markdown, ...sources('apps', 'libs', 'test', 'scripts', '.ci'), 'eslint.config.mjs'];
    const outside = files.filter((file) => /\.\.\/shared|(^|[\s`(])shared\//.test(read(file)));
    expect(outside).toEqual([]);
  });

  it('every relative link in README.md and docs/ resolves to a file of the repository', () => {
    const broken: string[] = [];
    for (const file of markdown) {
      for (const [, target] of read(file).matchAll(/\]\(([^)#\s]+)(#[^)]*)?\)/g)) {
        if (/^[a-z]+:/.test(target)) continue;
        const resolved = path.resolve(ROOT, path.dirname(file), target);
        if (!resolved.startsWith(ROOT + path.sep) || !fs.existsSync(resolved))
          broken.push(`${file} -> ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });

  it('every Markdown file that code comments name (RULES.md, ARCHITECTURE.md, ROADMAP) exists in docs/', () => {
    const named = new Set<string>();
    for (const file of [...sources('apps', 'libs', 'test'), 'eslint.config.mjs']) {
      for (const [, name] of read(file).matchAll(/\b(RULES|ARCHITECTURE|ROADMAP)(\.md)?\b/g)) named.add(name);
    }
    expect([...named].filter((name) => !fs.existsSync(path.join(ROOT, 'docs', `${name}.md`)))).toEqual([]);
  });
});

describe('the Node.js requirement is the true one', () => {
  const engines: string = JSON.parse(read('package.json')).engines.node;

  it("package.json's engines admit no Node that an installed dependency refuses", () => {
    const lowest = engines.split('||').map((range) => semver.minVersion(range.trim())!.version);
    const refusing: string[] = [];
    const visit = (dir: string): void => {
      for (const name of fs.existsSync(dir) ? fs.readdirSync(dir) : []) {
        if (name.startsWith('.')) continue;
        if (name.startsWith('@')) {
          visit(path.join(dir, name));
          continue;
        }
        const manifest = path.join(dir, name, 'package.json');
        if (fs.existsSync(manifest)) {
          const { name: pkg, version, engines: their } = JSON.parse(fs.readFileSync(manifest, 'utf8'));
          const range = their?.node;
          if (typeof range === 'string' && semver.validRange(range)) {
            for (const v of lowest)
              if (!semver.satisfies(v, range)) refusing.push(`${pkg}@${version} (${range}) refuses ${v}`);
          }
        }
        visit(path.join(dir, name, 'node_modules'));
      }
    };
    visit(path.join(ROOT, 'node_modules'));
    expect(refusing).toEqual([]);
  });

  it('scripts/ensure-node.sh accepts exactly the versions the engines range admits', () => {
    const versions = [
      'v20.20.2',
      'v22.17.0',
      'v22.22.2',
      'v22.22.3',
      'v23.11.0',
      'v24.14.1',
      'v24.15.0',
      'v24.21.0',
      'v25.2.1',
      'v26.0.0',
    ];
    const script = `ensure_node() { :; }\n${read('scripts/ensure-node.sh')}\nfor v in ${versions.join(' ')}; do node_supported "$v" && echo "$v yes" || echo "$v no"; done`;
    const result = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    const accepted = Object.fromEntries(
      result.stdout
        .trim()
        .split('\n')
        .map((line) => line.split(' ')),
    );
    expect(accepted).toEqual(
      Object.fromEntries(versions.map((v) => [v, semver.satisfies(v, engines) ? 'yes' : 'no'])),
    );
  });

  it('.ci/run runs the test command README.md gives', () => {
    const command = read('README.md').match(/^(bash scripts\/dev\.sh test)\b/m)?.[1];
    expect(command).toBe('bash scripts/dev.sh test');
    expect(read('.ci/run')).toMatch(/^[^#\n]*\bbash scripts\/dev\.sh test\s*$/m);
  });
});

describe('LOG_FORMAT as README.md states it', () => {
  it('defaults to json, and the embedded start (main.ts) switches it to text', () => {
    expect(loadConfig({}).logFormat).toBe('json');
    expect(read('apps/tradehub/src/main.ts')).toMatch(/embedded \? \{[^}]*LOG_FORMAT: 'text'/);
    expect(read('README.md')).toMatch(
      /\| `LOG_FORMAT`, `LOG_LEVEL` +\| `json`, `log` +\| [^|]*`text` \(the default when embedded\)/,
    );
  });
});
