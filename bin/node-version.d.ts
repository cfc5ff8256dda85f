/** The version needed when `version` is older than `range` (`>=major.minor[.patch]`) asks, else undefined. */
export function olderThanNeeded(version: string, range: string | undefined): string | undefined;
