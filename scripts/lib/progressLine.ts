/** A progress line for terminal commands: redrawn in place on a TTY, a few plain lines otherwise (CI logs). */
export function progressLine(label: string): { update(done: number, total: number): void; done(message: string): void } {
  const tty = process.stdout.isTTY === true;
  let lastPercent = -1;
  return {
    update(done, total) {
      const percent = total === 0 ? 100 : Math.floor((100 * done) / total);
      if (tty) {
        const width = 30;
        const filled = Math.round((width * percent) / 100);
        process.stdout.write(`\r${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${total}`);
      } else if (percent >= lastPercent + 25 || done === total) {
        lastPercent = percent;
        console.log(`${label}: ${done}/${total} (${percent} %)`);
      }
    },
    done(message) {
      if (tty) process.stdout.write('\r\x1b[2K');
      console.log(message);
    },
  };
}
