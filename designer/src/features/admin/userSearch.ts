/** Whether the user's username or name holds the search text (case aside); an empty search holds everyone. */
export function matches(user: { username: string; displayName: string }, text: string): boolean {
  const q = text.trim().toLowerCase();
  return q === '' || user.username.toLowerCase().includes(q) || user.displayName.toLowerCase().includes(q);
}
