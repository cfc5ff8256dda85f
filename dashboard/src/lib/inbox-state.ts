let search = '';

/** Remembers the inbox's filters, so that "back to the inbox" returns to the same view. */
export function rememberInboxSearch(value: string): void {
  search = value;
}

export function lastInboxSearch(): string {
  return search;
}
