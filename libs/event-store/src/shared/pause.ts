/** A sleep that `interrupt()` ends early, so a stopping loop does not wait out its poll interval. */
export class Pause {
  private interruptCurrent?: () => void;

  for(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.interruptCurrent = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  interrupt(): void {
    this.interruptCurrent?.();
  }
}
