import { useEffect, useReducer, useState } from 'react';
import { follow } from '../api/live.ts';
import { ProgressFeed, ResultsFeed, StatusFeed } from '../api/operations.ts';
import type { ProgressMessage, ResultMessage, StatusMessage } from '../api/types.ts';
import { applyEvents, emptyBoard, type BoardEvent, type BoardState } from './board.ts';
import { useLive } from './LiveProvider.tsx';

export interface Board extends BoardState {
  /** Why scores are not shown (the results feed was refused), if it was. */
  resultsRefused: string | null;
  /** The campaign closed and its feeds completed: what is shown is final. */
  ended: boolean;
}

function reducer(state: BoardState, events: BoardEvent[]): BoardState {
  return applyEvents(state, events, Date.now());
}

/**
 * Follows one campaign's three feeds. Messages are applied in bursts (one animation frame) so
 * that the messages of one update, which share a revision, show up together.
 */
export function useBoard(campaignId: string | null, withResults: boolean): Board {
  const { client } = useLive();
  const [state, dispatch] = useReducer(reducer, emptyBoard);
  const [resultsRefused, setRefused] = useState<string | null>(null);
  const [ended, setEnded] = useState(false);

  useEffect(() => {
    dispatch([{ type: 'reset' }]);
    setRefused(null);
    setEnded(false);
    if (!client || !campaignId) return;
    let queue: BoardEvent[] = [];
    let frame: number | null = null;
    const push = (e: BoardEvent) => {
      queue.push(e);
      // rAF stops in background tabs; the timeout keeps a hidden board current anyway.
      frame ??= window.setTimeout(() => {
        frame = null;
        const batch = queue;
        queue = [];
        dispatch(batch);
      }, 50);
    };
    const vars = { campaignId };
    const stops = [
      follow<{ campaignProgress: ProgressMessage }>(client, ProgressFeed, vars, {
        next: (d) => push({ type: 'progress', message: d.campaignProgress }),
        complete: () => setEnded(true),
      }),
      follow<{ campaignStatusChanged: StatusMessage }>(client, StatusFeed, vars, {
        next: (d) => push({ type: 'status', message: d.campaignStatusChanged }),
      }),
    ];
    if (withResults)
      stops.push(
        follow<{ evaluationResultChanged: ResultMessage }>(client, ResultsFeed, vars, {
          next: (d) => push({ type: 'result', message: d.evaluationResultChanged }),
          refused: (message) => setRefused(message),
        }),
      );
    return () => {
      for (const stop of stops) stop();
      if (frame !== null) clearTimeout(frame);
    };
  }, [client, campaignId, withResults]);

  return { ...state, resultsRefused, ended };
}
