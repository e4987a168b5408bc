import { threadId, type MessagePort } from 'node:worker_threads';
import { initEngine } from '../../engine/index';
import { loadEngineAssets } from '../../node/assets';
import { blockingFs } from '../../node/file-system';
import { ModuleFiles } from '../../node/module-files';
import { lintFile } from '../lint-file';
import { toPortable } from './portable';
import type { FromLintThread, LintTask, LintThreadData, ToLintThread } from './protocol';
import { SharedUnits } from './shared-units';

/**
 * The body of a lint thread: reads and lints the files it is sent, one message after another,
 * with the same engine, module files and settings as the main thread would use.
 */
export function serveLintThread(port: MessagePort, data: LintThreadData): void {
  const modules = new ModuleFiles(data.roots, blockingFs);
  modules.setVarFiles(data.varFiles);
  const ready = initEngine(loadEngineAssets());
  // Messages are handled strictly in order: the module files arrive before the first task.
  let queue: Promise<void> = ready;
  port.on('message', (message: ToLintThread) => {
    queue = queue.then(() => handle(message));
  });

  async function handle(message: ToLintThread): Promise<void> {
    if (message.kind === 'modules') {
      modules.seed(message.directories);
    } else if (message.kind === 'lint') {
      await lint(message.tasks);
      post({ kind: 'done' });
    } else {
      for (const shared of message.lists.map((data) => new SharedUnits(data))) {
        for (let unit = shared.claim(threadId); unit; unit = shared.claim(threadId)) await lint(unit);
      }
      post({ kind: 'claimed' });
    }
  }

  async function lint(tasks: readonly LintTask[]): Promise<void> {
    for (const task of tasks) {
      const outcome = await lintFile(task.path, task.settings, data.today, modules);
      post({ kind: 'outcome', index: task.index, outcome: toPortable(outcome) });
    }
  }

  function post(message: FromLintThread): void {
    port.postMessage(message);
  }
}
