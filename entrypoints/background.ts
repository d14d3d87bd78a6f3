import { defineBackground } from 'wxt/utils/define-background';
import { episodeRefSchema } from '../utils/episode-ref-schema';
import { createLibrary } from '../utils/library';
import { onMessage } from '../utils/messaging';

export default defineBackground(() => {
  const library = createLibrary();
  onMessage('findEpisode', ({ data }) => {
    const ref = episodeRefSchema.safeParse(data);
    return ref.success ? library.find(ref.data) : null;
  });
});
