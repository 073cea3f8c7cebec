import { type Detection, type StackFiles, type StackFinding, withVersion } from './stack-entry.js';

/** `<java.version>21</java.version>` (or `maven.compiler.release`) in a pom.xml. */
function mavenJavaVersion(pom: string): string | undefined {
  return /<(?:java\.version|maven\.compiler\.release|maven\.compiler\.source)>\s*(\d+(?:\.\d+)*)\s*</.exec(pom)?.[1];
}

/**
 * Java and Kotlin, from what the build files say plainly: pom.xml (Maven) and build.gradle(.kts) (Gradle), Spring Boot
 * when they use its plugin or starters, Kotlin when the Gradle build applies its plugin.
 */
export function detectJvmStack(files: StackFiles): Detection {
  const findings: StackFinding[] = [];
  const pom = files.get('pom.xml');
  if (pom !== undefined) {
    const version = mavenJavaVersion(pom);
    findings.push(withVersion({ category: 'Language', name: 'Java', source: 'pom.xml' }, version));
    if (pom.includes('spring-boot')) findings.push({ category: 'Framework', name: 'Spring Boot', source: 'pom.xml' });
    findings.push({ category: 'Build', name: 'Maven', source: 'pom.xml' });
  }
  for (const path of ['build.gradle', 'build.gradle.kts']) {
    const gradle = files.get(path);
    if (gradle === undefined) continue;
    const kotlin = gradle.includes('org.jetbrains.kotlin') || /\bkotlin\s*\(/.test(gradle);
    findings.push({ category: 'Language', name: kotlin ? 'Kotlin' : 'Java', source: path });
    if (gradle.includes('org.springframework.boot'))
      findings.push({ category: 'Framework', name: 'Spring Boot', source: path });
    findings.push({ category: 'Build', name: 'Gradle', source: path });
  }
  return { findings, problems: [] };
}
