import { render } from 'preact';

// Placeholder until the window page is built (issue 4).
render(<main lang="zh-CN">窗口叫号 · Window</main>, document.getElementById('app')!);
