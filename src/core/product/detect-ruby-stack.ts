import { cleanVersion, leadingVersion } from './clean-version.js';
import { matchKnownPackages, type KnownPackage } from './match-known-packages.js';
import { type Detection, type StackFiles, type StackFinding, withVersion } from './stack-entry.js';

/** Gems worth naming, in the order tech-stack.md lists them. */
export const RUBY_GEMS: readonly KnownPackage[] = [
  ['rails', 'Framework', 'Ruby on Rails'],
  ['sinatra', 'Framework', 'Sinatra'],
  ['hanami', 'Framework', 'Hanami'],
  ['turbo-rails', 'Frontend', 'Hotwire Turbo'],
  ['stimulus-rails', 'Frontend', 'Stimulus'],
  ['tailwindcss-rails', 'CSS', 'Tailwind CSS'],
  ['grape', 'API', 'Grape'],
  ['graphql', 'API', 'GraphQL Ruby'],
  ['devise', 'Authentication', 'Devise'],
  ['stripe', 'Payments', 'Stripe', 'client'],
  ['pg', 'Database', 'PostgreSQL', 'client'],
  ['mysql2', 'Database', 'MySQL', 'client'],
  ['sqlite3', 'Database', 'SQLite', 'client'],
  ['mongoid', 'Database', 'MongoDB', 'client'],
  ['redis', 'Database', 'Redis', 'client'],
  ['sidekiq', 'Background jobs', 'Sidekiq'],
  ['good_job', 'Background jobs', 'GoodJob'],
  ['solid_queue', 'Background jobs', 'Solid Queue'],
  ['resque', 'Background jobs', 'Resque'],
  ['puma', 'Web server', 'Puma'],
  ['rspec-rails', 'Testing', 'RSpec'],
  ['rspec', 'Testing', 'RSpec'],
  ['minitest', 'Testing', 'Minitest'],
  ['capybara', 'Testing', 'Capybara'],
  ['rubocop', 'Linting & formatting', 'RuboCop'],
  ['rubocop-rails-omakase', 'Linting & formatting', 'RuboCop'],
  ['standard', 'Linting & formatting', 'Standard Ruby'],
  ['vite_rails', 'Build', 'Vite'],
];

/** The leading string arguments of a Gemfile line such as `gem "rails", "~> 7.1.3", require: false`. */
function quotedArguments(text: string): string[] {
  const found: string[] = [];
  for (const part of text.replace(/\)\s*$/, '').split(',')) {
    const quoted = /^\s*(["'])(.*)\1\s*$/.exec(part);
    if (quoted?.[2] === undefined) break;
    found.push(quoted[2]);
  }
  return found;
}

/** What a Gemfile asks for: its gems (name → first version constraint) and its `ruby` version. */
function readGemfile(content: string): { gems: Map<string, string | undefined>; ruby: string | undefined } {
  const gems = new Map<string, string | undefined>();
  let ruby: string | undefined;
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.replace(/\s#.*$/, '').trim();
    const directive = /^(gem|ruby)\b\s*\(?\s*/.exec(line);
    if (directive?.[1] === undefined) continue;
    const [first, second] = quotedArguments(line.slice(directive[0].length));
    if (directive[1] === 'ruby') ruby = cleanVersion(first);
    else if (first !== undefined && !gems.has(first)) gems.set(first, second);
  }
  return { gems, ruby };
}

/** The line after a heading of Gemfile.lock (`RUBY VERSION`, `BUNDLED WITH`), trimmed. */
function lockSection(content: string, heading: string): string | undefined {
  const lines = content.split(/\r?\n/);
  const at = lines.findIndex((line) => line.trim() === heading);
  return at === -1 ? undefined : lines[at + 1]?.trim();
}

/** Ruby: Gemfile (gems and `ruby` version), Gemfile.lock (Ruby and Bundler versions), `.ruby-version`. */
export function detectRubyStack(files: StackFiles): Detection {
  const findings: StackFinding[] = [];
  const ruby = (version: string | undefined, source: string): StackFinding =>
    withVersion({ category: 'Language', name: 'Ruby', source }, version);
  const gemfile = files.get('Gemfile');
  if (gemfile !== undefined) {
    const read = readGemfile(gemfile);
    findings.push(ruby(read.ruby, 'Gemfile'), ...matchKnownPackages(RUBY_GEMS, read.gems, 'Gemfile'));
    findings.push({ category: 'Package manager', name: 'Bundler', source: 'Gemfile' });
  }
  const lock = files.get('Gemfile.lock');
  if (lock !== undefined) {
    findings.push(ruby(leadingVersion(lockSection(lock, 'RUBY VERSION')?.replace(/^ruby\s+/, '')), 'Gemfile.lock'));
    const bundler = leadingVersion(lockSection(lock, 'BUNDLED WITH'));
    findings.push(withVersion({ category: 'Package manager', name: 'Bundler', source: 'Gemfile.lock' }, bundler));
  }
  const pinned = files.get('.ruby-version');
  if (pinned !== undefined)
    findings.push(ruby(leadingVersion(pinned.split('\n')[0]?.replace(/^ruby-/, '')), '.ruby-version'));
  return { findings, problems: [] };
}
