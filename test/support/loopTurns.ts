/**
 * How many turns the event loop took while `work` ran: a test's way to see that work gave the loop
 * back between its steps rather than holding it (one immediate per turn, re-queued until work ends).
 */
export async function turnsDuring<T>(work: () => Promise<T>): Promise<{ result: T; turns: number }> {
  let turns = 0;
  let counting = true;
  const count = () => {
    turns += 1;
    if (counting) {
      setImmediate(count);
    }
  };
  setImmediate(count);
  try {
    return { result: await work(), turns };
  } finally {
    counting = false;
  }
}
