export async function applyEvent(event: { type: string; id: string }): Promise<void> {
  if (!event.id) throw new Error('event without id');
}
