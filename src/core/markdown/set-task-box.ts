export type SetTaskBoxResult = { ok: true; changed: boolean; text: string } | { ok: false; reason: string };

/**
 * Tick or untick one task box by changing only the marker character at `markerOffset` (every other byte of
 * `source` stays identical). `markerOffset` comes from parsing this same `source`; if the bytes around it are
 * not a box any more, nothing is changed and the reason is returned.
 */
export function setTaskBox(source: string, markerOffset: number, checked: boolean): SetTaskBoxResult {
  const open = source[markerOffset - 1];
  const marker = source[markerOffset];
  const close = source[markerOffset + 1];
  if (open !== '[' || close !== ']' || marker === undefined || !' xX-~'.includes(marker)) {
    return { ok: false, reason: `no task box at offset ${markerOffset}` };
  }
  const isChecked = marker === 'x' || marker === 'X';
  if (isChecked === checked) return { ok: true, changed: false, text: source };
  const next = checked ? 'x' : ' ';
  return { ok: true, changed: true, text: source.slice(0, markerOffset) + next + source.slice(markerOffset + 1) };
}
