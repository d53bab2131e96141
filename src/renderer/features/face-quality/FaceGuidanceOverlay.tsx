import type { FaceGuidanceState } from './use-face-guidance.js';

export interface FaceGuidanceOverlayProps {
  readonly guidance: FaceGuidanceState;
  /** Set when the video is shown mirrored (selfie view), so the box follows the face. */
  readonly mirrored?: boolean;
}

/**
 * Drawn over the video (inside a positioned box the size of the preview): the face box,
 * green when every check passes, and one instruction read out politely.
 */
export function FaceGuidanceOverlay({ guidance, mirrored = false }: FaceGuidanceOverlayProps) {
  const { box, frame, issues, message, status } = guidance;
  const passing = status === 'running' && issues.length === 0;
  return (
    <div className="face-guidance" data-state={passing ? 'pass' : 'fail'}>
      {box && frame ? (
        // Same geometry as the video's object-fit: contain, so the box sits on the face at any size.
        <svg className="face-guidance__layer" viewBox={`0 0 ${frame.width} ${frame.height}`} preserveAspectRatio="xMidYMid meet" aria-hidden="true">
          <rect
            className="face-guidance__box"
            x={mirrored ? frame.width - box.x - box.width : box.x}
            y={box.y}
            width={box.width}
            height={box.height}
            rx={Math.min(box.width, box.height) * 0.08}
          />
        </svg>
      ) : null}
      <p className="face-guidance__message" role="status" aria-live="polite">
        {message}
      </p>
    </div>
  );
}
