import { cleanVersion } from './clean-version.js';
import { matchKnownPackages, type KnownPackage } from './match-known-packages.js';
import { isRecord, parseJsonManifest, recordAt, stringAt } from './parse-manifest.js';
import { type Detection, type StackFiles, withVersion } from './stack-entry.js';

/** Composer packages worth naming, in the order tech-stack.md lists them. */
export const PHP_PACKAGES: readonly KnownPackage[] = [
  ['laravel/framework', 'Framework', 'Laravel'],
  ['symfony/framework-bundle', 'Framework', 'Symfony'],
  ['symfony/symfony', 'Framework', 'Symfony'],
  ['slim/slim', 'Framework', 'Slim'],
  ['cakephp/cakephp', 'Framework', 'CakePHP'],
  ['livewire/livewire', 'Frontend', 'Livewire'],
  ['inertiajs/inertia-laravel', 'Frontend', 'Inertia.js'],
  ['laravel/sanctum', 'Authentication', 'Laravel Sanctum'],
  ['laravel/passport', 'Authentication', 'Laravel Passport'],
  ['laravel/cashier', 'Payments', 'Laravel Cashier (Stripe)'],
  ['stripe/stripe-php', 'Payments', 'Stripe', 'client'],
  ['predis/predis', 'Database', 'Redis', 'client'],
  ['doctrine/orm', 'ORM', 'Doctrine ORM'],
  ['laravel/horizon', 'Background jobs', 'Laravel Horizon'],
  ['phpunit/phpunit', 'Testing', 'PHPUnit'],
  ['pestphp/pest', 'Testing', 'Pest'],
  ['laravel/pint', 'Linting & formatting', 'Laravel Pint'],
  ['phpstan/phpstan', 'Linting & formatting', 'PHPStan'],
  ['larastan/larastan', 'Linting & formatting', 'PHPStan'],
  ['friendsofphp/php-cs-fixer', 'Linting & formatting', 'PHP CS Fixer'],
  ['squizlabs/php_codesniffer', 'Linting & formatting', 'PHP_CodeSniffer'],
];

/** composer.json: `require.php` (the language version) and the packages of `require` and `require-dev`. */
export function detectPhpStack(files: StackFiles): Detection {
  const content = files.get('composer.json');
  if (content === undefined) return { findings: [], problems: [] };
  const source = 'composer.json';
  const parsed = parseJsonManifest(source, content);
  if (!parsed.ok) return { findings: [], problems: [{ path: source, message: parsed.message }] };
  if (!isRecord(parsed.value))
    return {
      findings: [],
      problems: [{ path: source, message: 'composer.json is not a JSON object; it was skipped.' }],
    };
  const dependencies = new Map<string, string | undefined>();
  for (const field of ['require', 'require-dev']) {
    for (const [name, version] of Object.entries(recordAt(parsed.value, field))) {
      if (!dependencies.has(name.toLowerCase()))
        dependencies.set(name.toLowerCase(), typeof version === 'string' ? version : undefined);
    }
  }
  const version = cleanVersion(stringAt(recordAt(parsed.value, 'require'), 'php'));
  const php = withVersion({ category: 'Language', name: 'PHP', source }, version);
  return {
    findings: [
      php,
      ...matchKnownPackages(PHP_PACKAGES, dependencies, source),
      { category: 'Package manager', name: 'Composer', source },
    ],
    problems: [],
  };
}
