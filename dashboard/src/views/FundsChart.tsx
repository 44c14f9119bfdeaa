import { useEffect } from 'react';
import { useEChart } from './use-echart.ts';

export interface FundsBar {
  key: string;
  label: string;
  promisedFen: number;
  deliveredFen: number;
}

const ROW_PX = 44;

/** Promised vs delivered per unit, in yuan; horizontal so long unit names stay readable. */
export function FundsChart({
  bars,
  title,
  promised,
  delivered,
  format,
}: {
  bars: FundsBar[];
  title: string;
  promised: string;
  delivered: string;
  format: (fen: number) => string;
}) {
  const { el, chart } = useEChart();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart lives in a ref made on mount; a ref's change re-renders nothing, the data change does
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    const narrow = (el.current?.clientWidth ?? 800) < 520;
    c.setOption(
      {
        animation: false,
        aria: { enabled: true, label: { description: title } },
        legend: { top: 0, data: [promised, delivered] },
        grid: { left: 8, right: 24, top: 28, bottom: 4, containLabel: true },
        xAxis: { type: 'value', axisLabel: { color: '#444', formatter: (v: number) => (v / 10000).toLocaleString() + (narrow ? '' : ' 万') } },
        yAxis: {
          type: 'category',
          inverse: true,
          data: bars.map((b) => b.label),
          axisTick: { show: false },
          axisLabel: { color: '#1f2328', width: narrow ? 90 : 180, overflow: 'truncate' },
        },
        tooltip: {
          trigger: 'axis',
          axisPointer: { type: 'shadow' },
          formatter: (ps: Array<{ dataIndex: number }>) => {
            const b = bars[ps[0]?.dataIndex ?? -1];
            return b ? `${b.label}<br/>${promised}: ${format(b.promisedFen)}<br/>${delivered}: ${format(b.deliveredFen)}` : '';
          },
        },
        series: [
          { name: promised, type: 'bar', barMaxWidth: 14, itemStyle: { color: '#0a63c9' }, data: bars.map((b) => b.promisedFen / 100) },
          { name: delivered, type: 'bar', barMaxWidth: 14, itemStyle: { color: '#1a7f37' }, data: bars.map((b) => b.deliveredFen / 100) },
        ],
      },
      { notMerge: true },
    );
  }, [bars, title, promised, delivered, format]);

  return (
    <div ref={el} className="chart" data-testid="funds-chart" style={{ height: Math.max(100, bars.length * ROW_PX + 40) }} role="img" aria-label={title} />
  );
}
