import { render } from 'preact';

// Placeholder until the admin page is built (issue 4).
render(<main lang="zh-CN">统计 · Statistics</main>, document.getElementById('app')!);
