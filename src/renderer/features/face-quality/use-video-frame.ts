import { useEffect, useState } from 'react';

/**
 * Whether the video shows a picture of the current camera session: false at each new
 * `stream` until the element reports `loadeddata` or `playing` with a non-zero width.
 * The old stream's readiness says nothing about the new one, so only events count.
 */
export function useVideoHasFrame(video: HTMLVideoElement | null, stream: MediaStream | null): boolean {
  const [hasFrame, setHasFrame] = useState(false);
  useEffect(() => {
    setHasFrame(false);
    if (video === null || stream === null) return undefined;
    const check = (): void => {
      if (video.videoWidth > 0) setHasFrame(true);
    };
    video.addEventListener('loadeddata', check);
    video.addEventListener('playing', check);
    return () => {
      video.removeEventListener('loadeddata', check);
      video.removeEventListener('playing', check);
    };
  }, [video, stream]);
  return hasFrame;
}
