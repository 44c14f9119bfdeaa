import { useEffect } from 'react';
import { useEChart } from './use-echart.ts';
import type { Grade } from '../api/types.ts';

/** Grade colours chosen for ≥ 3:1 contrast against white; the grade is also written in the label. */
export const gradeColour: Record<Grade, string> = {
  EXCELLENT: '#1a7f37',
  GOOD: '#0a63c9',
  PASS: '#b35900',
  FAIL: '#c62828',
};

export interface ScoreBar {
  /** Stable identity (the target id): ECharts matches bars across updates by position. */
  key: string;
  label: string;
  score: number | null;
  grade: Grade | null;
  /** Shown at the bar's end: the score and grade, or why there is none. */
  note: string;
}

const ROW_PX = 30;

export function ScoreChart({ bars, title }: { bars: ScoreBar[]; title: string }) {
  const { el, chart } = useEChart();

  // biome-ignore lint/correctness/useExhaustiveDependencies: the chart lives in a ref made on mount; a ref's change re-renders nothing, the data change does
  useEffect(() => {
    const c = chart.current;
    if (!c) return;
    // Data stays in one fixed order and ECharts' realtimeSort ranks the bars, so an update
    // animates bars moving to their new rank instead of relabelling them mid-animation.
    const rows = [...bars].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    const narrow = (el.current?.clientWidth ?? 800) < 520;
    c.setOption({
      animationDuration: 0,
      animationDurationUpdate: 600,
      aria: { enabled: true, label: { description: title } },
      grid: { left: 8, right: narrow ? 100 : 130, top: 4, bottom: 4, containLabel: true },
      xAxis: { type: 'value', min: 0, max: 100, splitNumber: 5, axisLabel: { color: '#444' } },
      yAxis: {
        type: 'category',
        inverse: true,
        data: rows.map((b) => b.label),
        animationDurationUpdate: 600,
        axisTick: { show: false },
        axisLabel: { color: '#1f2328', width: narrow ? 90 : 200, overflow: 'truncate', fontSize: 13 },
      },
      tooltip: { trigger: 'item', formatter: (p: { dataIndex: number }) => `${rows[p.dataIndex]?.label ?? ''}: ${rows[p.dataIndex]?.note ?? ''}` },
      series: [
        {
          type: 'bar',
          realtimeSort: true,
          barMaxWidth: 20,
          data: rows.map((b) => ({
            // An unscored target has no bar; at 0 it sorts below every score.
            value: b.score ?? 0,
            itemStyle: { color: b.grade ? gradeColour[b.grade] : '#8c959f' },
          })),
          label: {
            show: true,
            position: 'right',
            color: '#1f2328',
            formatter: (p: { dataIndex: number }) => rows[p.dataIndex]?.note ?? '',
          },
        },
      ],
    });
  }, [bars, title]);

  return <div ref={el} className="chart" style={{ height: Math.max(80, bars.length * ROW_PX + 30) }} role="img" aria-label={title} />;
}
