// Whether a Node.js version is older than the one package.json's `engines.node` (`>=major.minor[.patch]`) asks for.

/** @returns {string | undefined} the version needed when `version` is older than `range` asks, else undefined */
export function olderThanNeeded(version, range) {
  const wanted = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?\s*$/.exec(range ?? '');
  if (!wanted) return undefined;
  const have = version.replace(/^v/, '').split('.').map(Number);
  const need = [1, 2, 3].map((index) => Number(wanted[index] ?? 0));
  for (let part = 0; part < 3; part += 1) {
    if ((have[part] ?? 0) !== need[part]) return (have[part] ?? 0) < need[part] ? need.join('.') : undefined;
  }
  return undefined;
}
