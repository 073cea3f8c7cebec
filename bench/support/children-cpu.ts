import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's CPU times (`getconf CLK_TCK`; 100 on Linux unless built otherwise). */
function ticksPerSecond(): number {
  try {
    const ticks = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(ticks) && ticks > 0 ? ticks : 100;
  } catch {
    return 100;
  }
}

let ticks: number | undefined;

/**
 * CPU time (user + system, all threads) of this process's children that have exited and been waited for, in ms,
 * from /proc/self/stat (`cutime` + `cstime`); undefined where there is no /proc (macOS, Windows). The kernel
 * keeps the sum exactly and shows it in clock ticks (10 ms), so one child's share is read to a tick, and the mean
 * of N runs to a tick / N: compare means of many runs, not single runs.
 */
export function childrenCpuMs(): number | undefined {
  // Asked first: `getconf` is a child too, and would count in the next reading.
  ticks ??= ticksPerSecond();
  let stat: string;
  try {
    stat = readFileSync('/proc/self/stat', 'utf8');
  } catch {
    return undefined;
  }
  // Fields after the command name (in parentheses, which may hold spaces): state is field 3, cutime 16, cstime 17.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const [cutime, cstime] = [Number(fields[13]), Number(fields[14])];
  if (!Number.isFinite(cutime) || !Number.isFinite(cstime)) return undefined;
  return ((cutime + cstime) * 1000) / ticks;
}
