import { render } from 'preact';

// Placeholder until the display page is built (issue 4).
render(<main lang="zh-CN">叫号显示 · Call display</main>, document.getElementById('app')!);
