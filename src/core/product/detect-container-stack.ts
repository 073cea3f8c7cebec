import { leadingVersion } from './clean-version.js';
import { isRecord, parseYamlManifest, recordAt, stringAt } from './parse-manifest.js';
import { type Detection, type StackFiles, type StackFinding, withVersion } from './stack-entry.js';

/** Images of well-known services (by the last part of the image name), and what tech-stack.md calls them. */
const SERVICE_IMAGES: ReadonlyArray<readonly [images: readonly string[], category: string, name: string]> = [
  [['postgres', 'postgresql', 'postgis', 'pgvector', 'timescaledb'], 'Database', 'PostgreSQL'],
  [['mysql', 'mysql-server'], 'Database', 'MySQL'],
  [['mariadb'], 'Database', 'MariaDB'],
  [['mongo', 'mongodb'], 'Database', 'MongoDB'],
  [['redis', 'redis-stack', 'redis-stack-server'], 'Database', 'Redis'],
  [['valkey'], 'Database', 'Valkey'],
  [['memcached'], 'Cache', 'Memcached'],
  [['elasticsearch'], 'Search', 'Elasticsearch'],
  [['opensearch'], 'Search', 'OpenSearch'],
  [['meilisearch'], 'Search', 'Meilisearch'],
  [['typesense'], 'Search', 'Typesense'],
  [['rabbitmq'], 'Messaging', 'RabbitMQ'],
  [['kafka', 'cp-kafka'], 'Messaging', 'Kafka'],
  [['nats'], 'Messaging', 'NATS'],
  [['minio'], 'Storage', 'MinIO'],
  [['nginx'], 'Web server', 'nginx'],
  [['caddy'], 'Web server', 'Caddy'],
  [['traefik'], 'Web server', 'Traefik'],
];

export const COMPOSE_FILES = ['docker-compose.yml', 'docker-compose.yaml', 'compose.yml', 'compose.yaml'] as const;

/** An image reference split into its name's last part and its tag: `bitnami/postgresql:16.2-debian` → postgresql, 16.2-debian. */
function splitImage(image: string): { base: string; tag: string | undefined } {
  const [withoutDigest = ''] = image.split('@');
  const lastSlash = withoutDigest.lastIndexOf('/');
  const colon = withoutDigest.indexOf(':', lastSlash + 1);
  const name = colon === -1 ? withoutDigest : withoutDigest.slice(0, colon);
  return {
    base: name.slice(name.lastIndexOf('/') + 1).toLowerCase(),
    tag: colon === -1 ? undefined : withoutDigest.slice(colon + 1),
  };
}

/** Replace `$NAME`, `${NAME}` and `${NAME:-default}` by the value of a build argument, where it has one. */
function substitute(text: string, args: ReadonlyMap<string, string>): string {
  return text.replace(
    /\$\{(\w+)(?::?[-+]([^}]*))?\}|\$(\w+)/g,
    (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
      const value = args.get(braced ?? bare ?? '');
      return value ?? fallback ?? whole;
    },
  );
}

/** The logical lines of a Dockerfile: continuations (`\` at the end of a line) joined, comments left out. */
function instructions(content: string): string[] {
  const lines: string[] = [];
  let pending = '';
  for (const raw of content.split(/\r?\n/)) {
    const line = raw.trim();
    if (pending === '' && line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      pending += `${line.slice(0, -1)} `;
      continue;
    }
    lines.push(pending + line);
    pending = '';
  }
  if (pending !== '') lines.push(pending);
  return lines.map((line) => line.trim()).filter((line) => line !== '');
}

/** The base images of a Dockerfile's `FROM` lines, build arguments filled in; later stages built from earlier ones are left out. */
export function dockerBaseImages(content: string): string[] {
  const args = new Map<string, string>();
  const stages = new Set<string>();
  const images: string[] = [];
  let seenFrom = false;
  for (const line of instructions(content)) {
    const [instruction = '', ...words] = line.split(/\s+/);
    if (instruction.toUpperCase() === 'ARG' && !seenFrom) {
      const [name, ...value] = words.join(' ').split('=');
      if (name !== undefined && value.length > 0)
        args.set(
          name.trim(),
          value
            .join('=')
            .trim()
            .replace(/^(["'])(.*)\1$/, '$2'),
        );
    } else if (instruction.toUpperCase() === 'FROM') {
      seenFrom = true;
      const rest = words.filter((w) => !w.startsWith('--'));
      const image = substitute(rest[0] ?? '', args);
      const as = rest.findIndex((w) => w.toUpperCase() === 'AS');
      const alias = as === -1 ? undefined : rest[as + 1];
      if (
        image !== '' &&
        image.toLowerCase() !== 'scratch' &&
        !stages.has(image.toLowerCase()) &&
        !images.includes(image)
      )
        images.push(image);
      if (alias !== undefined) stages.add(alias.toLowerCase());
    }
  }
  return images;
}

function serviceFinding(image: string, source: string): StackFinding | undefined {
  const { base, tag } = splitImage(image);
  const known = SERVICE_IMAGES.find(([images]) => images.includes(base));
  if (known === undefined) return undefined;
  const version = leadingVersion(tag);
  return withVersion({ category: known[1], name: known[2], source }, version);
}

/**
 * Containers: each base image of the Dockerfile, and for a compose file its services (named together), with the
 * databases, caches, search engines and queues their images are.
 */
export function detectContainerStack(files: StackFiles): Detection {
  const findings: StackFinding[] = [];
  const problems: Detection['problems'] = [];
  const dockerfile = files.get('Dockerfile');
  if (dockerfile !== undefined) {
    const images = dockerBaseImages(dockerfile);
    if (images.length === 0) findings.push({ category: 'Container', name: 'Docker', source: 'Dockerfile' });
    for (const image of images)
      findings.push({
        category: 'Container',
        name: 'Docker',
        detail: image,
        key: `Docker ${image}`,
        source: 'Dockerfile',
      });
  }
  for (const path of COMPOSE_FILES) {
    const content = files.get(path);
    if (content === undefined) continue;
    const parsed = parseYamlManifest(path, content);
    if (!parsed.ok) {
      problems.push({ path, message: parsed.message });
      continue;
    }
    const services = recordAt(parsed.value, 'services');
    const names = Object.keys(services);
    const compose: StackFinding = { category: 'Container', name: 'Docker Compose', source: path };
    if (names.length > 0) compose.detail = `services: ${names.join(', ')}`;
    findings.push(compose);
    for (const service of Object.values(services)) {
      const image = isRecord(service) ? stringAt(service, 'image') : undefined;
      const found = image === undefined ? undefined : serviceFinding(image, path);
      if (found) findings.push(found);
    }
  }
  return { findings, problems };
}
