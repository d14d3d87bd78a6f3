import { describe, expect, it } from 'vitest';
import { episodeSchema } from '../../utils/chapters/schema';
import { findMatch, indexEpisodes, judgeEpisode, matchEpisode, type MatchVerdict } from '../../utils/library/episode-match';
import { episodeNumber, guestWords, showCore, titleCore } from '../../utils/library/title-signals';

/*
 * The same episode as two platforms name it, and near misses, all real: titles and show names are
 * copied as published (curly quotes and dashes kept). `source` says where each side was read
 * (gathered for issue 13; also in tests/fixtures/matching/title-pairs.json with its SOURCES.md).
 * "find_string id N" is a public GitHub file found through the project's code index, which does
 * not report its repository. Side `a` stands for the library's episode (as a chapter file names
 * it), side `b` for the page that plays. `expect`: the verdict the scorer must reach, null for
 * none. Row 9 is a real miss: two different titles sharing only the guest, which row 17 shows is
 * not enough to tell two of a guest's episodes on one show apart.
 */
interface Side {
  platform: string;
  show: string;
  title: string;
  duration?: number;
}
interface Pair {
  a: Side;
  b: Side;
  same: boolean;
  expect: MatchVerdict | null;
  source: string;
}

const PAIRS: Pair[] = [
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title:
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
    },
    same: true,
    expect: 'plausible',
    source:
      "https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL) | https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/how-can-we-make-sure-that-everyone-has-access-to-ai-can-small-models-outperform-large-models-with-stability-ais-emad-mostaque (feed title + show name; Episode Date: February 16, 2023) | YouTube channel name: public repo file listing channels (find_string id 59462280541: '[No Priors: AI, Machine Learning, Tech, & Startups](https://www.youtube.com/channel/UCSI7h9hydQ40K5MJHnCrQvw)'); also id 53783448031 (youtubeIdentifier '@NoPriorsPodcast')",
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'rss',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title:
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
    },
    same: true,
    expect: 'plausible',
    source:
      'https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL) | https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/how-can-we-make-sure-that-everyone-has-access-to-ai-can-small-models-outperform-large-models-with-stability-ais-emad-mostaque (feed title + show name; Episode Date: February 16, 2023)',
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'apple',
      show: 'No Priors: Artificial Intelligence | Machine Learning | Technology | Startups',
      title:
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
    },
    same: true,
    expect: 'plausible',
    source:
      "https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL) | https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/how-can-we-make-sure-that-everyone-has-access-to-ai-can-small-models-outperform-large-models-with-stability-ais-emad-mostaque (feed title + show name; Episode Date: February 16, 2023) | Apple top-podcasts RSS JSON saved in a public repo (find_string id 27817086385): 'im:name' 'No Priors: Artificial Intelligence | Machine Learning | Technology | Startups', im:releaseDate 2024-03-08",
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 28 | With Khan Academy’s Creator Sal Khan',
    },
    b: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title: 'The AI Tutor For Every Child and the Next Frontier of Education, From Khan Academy’s Creator Sal Khan',
    },
    same: true,
    expect: 'plausible',
    source:
      'https://ulisten.ai/channels/no-priors/no-priors-ep-28-with-khan-academys-creator-sal-khan_NH95LKOILgE/chapters (YouTube title; video id NH95LKOILgE) | https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/the-ai-tutor-for-every-child-and-the-next-frontier-of-education-from-khan-academys-creator-sal-khan (Episode Date: August 17, 2023)',
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'Why Traditional Benchmarks Fail Modern AI Models with OpenAI Research Scientist Noam Brown',
    },
    b: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title: 'Why Traditional Benchmarks Fail Modern AI Models with OpenAI Research Scientist Noam Brown',
    },
    same: true,
    expect: 'confident',
    source:
      "https://ulisten.ai/channels/no-priors/why-traditional-benchmarks-fail-modern-ai-models-with-openai_AZrU6y3pUcU (YouTube, video id AZrU6y3pUcU); https://aissential.tech/articles/52f82a8b-f72f-4100-bd86-fc39c70c2e08 ('Source: No Priors: AI, Machine Learning, Tech, & Startups') | https://podsumo.io/episode/no-priors-artificial-intelligence-technology-startups/why-traditional-benchmarks-fail-modern-ai-models-with-openai-research-scientist (feed slug under the Spotify/feed show name); https://ai-radar-6xq.pages.dev/episodes/580-noam-brown-on-why-traditional-benchmarks-fail-modern-ai-models/ (No Priors · 2026-06-26)",
  },
  {
    a: {
      platform: 'youtube',
      show: 'Lex Fridman',
      title: 'Yann Lecun: Meta AI, Open Source, Limits of LLMs, AGI & the Future of AI | Lex Fridman Podcast #416',
    },
    b: {
      platform: 'rss',
      show: 'Lex Fridman Podcast',
      title: '#416 – Yann Lecun: Meta AI, Open Source, Limits of LLMs, AGI & the Future of AI',
    },
    same: true,
    expect: 'confident',
    source:
      "https://ulisten.ai/podcasts/lex-fridman/5t1vTLU7s40 (YouTube title, 'Mar 7, 2024 2h 47m'); https://mindbento.com/lex-fridman/yann-lecun-meta-ai-open-source-limits-of-llms-agi-the-fu-5t1vtlu7s40 | public repo file (find_string id 66305940121; repo not reported by the index): RSS-derived front matter guid https://lexfridman.com/?p=5817, title '#416 – Yann Lecun: ...', youtube_id 5t1vTLU7s40, published 2024-03-07",
  },
  {
    a: {
      platform: 'youtube',
      show: 'Lex Fridman',
      title: 'Yann Lecun: Meta AI, Open Source, Limits of LLMs, AGI & the Future of AI | Lex Fridman Podcast #416',
    },
    b: {
      platform: 'spotify',
      show: 'Lex Fridman Podcast',
      title: '#416 – Yann Lecun: Meta AI, Open Source, Limits of LLMs, AGI & the Future of AI',
    },
    same: true,
    expect: 'confident',
    source:
      "https://ulisten.ai/podcasts/lex-fridman/5t1vTLU7s40 (YouTube title, 'Mar 7, 2024 2h 47m'); https://mindbento.com/lex-fridman/yann-lecun-meta-ai-open-source-limits-of-llms-agi-the-fu-5t1vtlu7s40 | public repo file (find_string id 66305940121; repo not reported by the index): RSS-derived front matter guid https://lexfridman.com/?p=5817, title '#416 – Yann Lecun: ...', youtube_id 5t1vTLU7s40, published 2024-03-07",
  },
  {
    a: {
      platform: 'youtube',
      show: 'Lex Fridman',
      title: 'Sam Altman: OpenAI, GPT-5, Sora, Board Saga, Elon Musk, Ilya, Power & AGI | Lex Fridman Podcast #419',
    },
    b: {
      platform: 'rss',
      show: 'Lex Fridman Podcast',
      title: '#419 – Sam Altman: OpenAI, GPT-5, Sora, Board Saga, Elon Musk, Ilya, Power & AGI',
    },
    same: true,
    expect: 'confident',
    source:
      "https://lawwu.github.io/transcripts/transcript_jvqFAi7vkBc.html (YouTube title, video id jvqFAi7vkBc); https://lexfridman.com/sam-altman-2-transcript ('Transcript for … | Lex Fridman Podcast #419') | public repo notes quoting the official episode page https://lexfridman.com/sam-altman-2 as '#419 – Sam Altman: OpenAI, GPT-5, Sora, Board Saga, Elon Musk, Ilya, Power & AGI' (find_string ids 52470122074, 52939137773)",
  },
  {
    a: {
      platform: 'youtube',
      show: 'Lex Fridman',
      title: 'OpenClaw: The Viral AI Agent that Broke the Internet - Peter Steinberger | Lex Fridman Podcast #491',
    },
    b: {
      platform: 'rss',
      show: 'Lex Fridman Podcast',
      title: '#491 – OpenClaw: The Viral AI Agent that Broke the Internet – Peter Steinberger',
    },
    same: true,
    expect: 'confident',
    source:
      "public repo transcript header (find_string id 53694840760): 'Title: OpenClaw: The Viral AI Agent that Broke the Internet - Peter Steinberger | Lex Fridman Podcast #491', 'Channel: Lex Fridman', 'Video ID: YFjfBk8HI5o' | public repo file (find_string id 65924721240): guid https://lexfridman.com/?p=6413, title '#491 – OpenClaw: The Viral AI Agent that Broke the Internet – Peter Steinberger', youtube_id YFjfBk8HI5o, published 2026-02-12",
  },
  {
    a: { platform: 'youtube', show: 'Dwarkesh Patel', title: 'Andrej Karpathy — “We’re summoning ghosts, not building animals”' },
    b: { platform: 'spotify', show: 'Dwarkesh Podcast', title: 'Andrej Karpathy — AGI is still a decade away' },
    same: true,
    expect: null,
    source:
      "https://mindbento.com/dwarkesh-patel/andrej-karpathy-we-re-summoning-ghosts-not-building-anim-lxuzvyajciy ('Summary based on the YouTube transcript', 2025-10-17); https://bulletpointpodcast.com/dwarkeshpodcast/andrej-karpathy-we-re-summoning-ghosts-not-building-animals/ ('2h26', 'Watch on YouTube') | https://pod.wave.co/podcast/dwarkesh-podcast/andrej-karpathy-agi-is-still-a-decade-away ('Dwarkesh Podcast: Andrej Karpathy — AGI is Still a Decade Away', Date: October 17, 2025); https://audioscrape.com/person/andrej-karpathy ('Dwarkesh Podcast / Andrej Karpathy — AGI is still a decade away')",
  },
  {
    a: {
      platform: 'rss',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title:
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title:
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
    },
    same: true,
    expect: 'confident',
    source:
      'https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/how-can-we-make-sure-that-everyone-has-access-to-ai-can-small-models-outperform-large-models-with-stability-ais-emad-mostaque (feed title + show name; Episode Date: February 16, 2023) | issue 13 (Spotify player bar show name)',
  },
  {
    a: { platform: 'chapter-document', show: 'No Priors', title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque' },
    b: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title:
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
    },
    same: true,
    expect: 'plausible',
    source:
      'Chapterbar bundled chapter document (show "No Priors") vs https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/how-can-we-make-sure-that-everyone-has-access-to-ai-can-small-models-outperform-large-models-with-stability-ais-emad-mostaque (feed title + show name; Episode Date: February 16, 2023)',
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 28 | With Khan Academy’s Creator Sal Khan',
    },
    same: false,
    expect: null,
    source:
      'https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL) | https://ulisten.ai/channels/no-priors/no-priors-ep-28-with-khan-academys-creator-sal-khan_NH95LKOILgE/chapters (YouTube title; video id NH95LKOILgE)',
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title: 'The AI Tutor For Every Child and the Next Frontier of Education, From Khan Academy’s Creator Sal Khan',
    },
    same: false,
    expect: null,
    source:
      'https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL) | https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/the-ai-tutor-for-every-child-and-the-next-frontier-of-education-from-khan-academys-creator-sal-khan (Episode Date: August 17, 2023)',
  },
  {
    a: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title:
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title: 'The AI Tutor For Every Child and the Next Frontier of Education, From Khan Academy’s Creator Sal Khan',
    },
    same: false,
    expect: null,
    source:
      'https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/how-can-we-make-sure-that-everyone-has-access-to-ai-can-small-models-outperform-large-models-with-stability-ais-emad-mostaque (feed title + show name; Episode Date: February 16, 2023) | https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/the-ai-tutor-for-every-child-and-the-next-frontier-of-education-from-khan-academys-creator-sal-khan (Episode Date: August 17, 2023)',
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 80 | With Andrej Karpathy from OpenAI and Tesla',
    },
    same: false,
    expect: null,
    source:
      'https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL) | https://ulisten.ai/channels/no-priors/no-priors-ep-80-with-andrej-karpathy-from-openai-and-tesla_hM_h0UA7upI; public repo notes (find_string ids 48133084874, 70459334881) link https://www.youtube.com/watch?v=hM_h0UA7upI',
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 124 | With SurgeAI Founder and CEO Edwin Chen',
      duration: 1979,
    },
    same: false,
    expect: null,
    source:
      "https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL) | public repo task file with yt-dlp metadata (find_string id 55009260876): title 'No Priors Ep. 124 | With SurgeAI Founder and CEO Edwin Chen', https://www.youtube.com/watch?v=UU26zm676Lg, published 2025-07-24, duration_seconds 1979; also https://ulisten.ai/channels/no-priors/UU26zm676Lg",
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 80 | With Andrej Karpathy from OpenAI and Tesla',
    },
    b: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'Andrej Karpathy on Code Agents, AutoResearch, and the Loopy Era of AI',
      duration: 3991,
    },
    same: false,
    expect: null,
    source:
      "https://ulisten.ai/channels/no-priors/no-priors-ep-80-with-andrej-karpathy-from-openai-and-tesla_hM_h0UA7upI; public repo notes (find_string ids 48133084874, 70459334881) link https://www.youtube.com/watch?v=hM_h0UA7upI | public repo front matter (find_string id 52981398945): title 'Andrej Karpathy on Code Agents, AutoResearch, and the Loopy Era of AI', creator 'No Priors: AI, Machine Learning, Tech, & Startups', https://www.youtube.com/watch?v=kwSVtQ7dziU, date 2026-03-20, duration '66:31'",
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'How Nuclear Will Unlock Energy Abundance with Valar Atomics Founder Isaiah Taylor',
      duration: 3687,
    },
    b: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title: 'Why Traditional Benchmarks Fail Modern AI Models with OpenAI Research Scientist Noam Brown',
    },
    same: false,
    expect: null,
    source:
      "public repo doc (find_string id 54902080980): '3687s | No Priors: AI, Machine Learning, Tech, & Startups | How Nuclear Will Unlock Energy Abundance with Valar Atomics Founder Isaiah Taylor'; https://ulisten.ai/channels/no-priors/how-nuclear-will-unlock-energy-abundance-with-valar-atomics_5Xvbq_zvOQ4/chapters | https://podsumo.io/episode/no-priors-artificial-intelligence-technology-startups/why-traditional-benchmarks-fail-modern-ai-models-with-openai-research-scientist (feed slug under the Spotify/feed show name); https://ai-radar-6xq.pages.dev/episodes/580-noam-brown-on-why-traditional-benchmarks-fail-modern-ai-models/ (No Priors · 2026-06-26)",
  },
  {
    a: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title: 'How YC fosters AI Innovation with Garry Tan',
    },
    b: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    same: false,
    expect: null,
    source:
      'https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/how-yc-fosters-ai-innovation-with-garry-tan (Episode Date: May 23, 2024) | https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL)',
  },
  {
    a: {
      platform: 'youtube',
      show: 'Lex Fridman',
      title: 'Yann Lecun: Meta AI, Open Source, Limits of LLMs, AGI & the Future of AI | Lex Fridman Podcast #416',
    },
    b: {
      platform: 'rss',
      show: 'Lex Fridman Podcast',
      title: '#419 – Sam Altman: OpenAI, GPT-5, Sora, Board Saga, Elon Musk, Ilya, Power & AGI',
    },
    same: false,
    expect: null,
    source:
      "https://ulisten.ai/podcasts/lex-fridman/5t1vTLU7s40 (YouTube title, 'Mar 7, 2024 2h 47m'); https://mindbento.com/lex-fridman/yann-lecun-meta-ai-open-source-limits-of-llms-agi-the-fu-5t1vtlu7s40 | public repo notes quoting the official episode page https://lexfridman.com/sam-altman-2 as '#419 – Sam Altman: OpenAI, GPT-5, Sora, Board Saga, Elon Musk, Ilya, Power & AGI' (find_string ids 52470122074, 52939137773)",
  },
  {
    a: {
      platform: 'rss',
      show: 'Lex Fridman Podcast',
      title: '#491 – OpenClaw: The Viral AI Agent that Broke the Internet – Peter Steinberger',
    },
    b: {
      platform: 'rss',
      show: 'Lex Fridman Podcast',
      title: '#428 – Sean Carroll: General Relativity, Quantum Mechanics, Black Holes & Aliens',
      duration: 9880,
    },
    same: false,
    expect: null,
    source:
      "public repo file (find_string id 65924721240): guid https://lexfridman.com/?p=6413, title '#491 – OpenClaw: The Viral AI Agent that Broke the Internet – Peter Steinberger', youtube_id YFjfBk8HI5o, published 2026-02-12 | public repo source file (find_string id 45742573934): parsed RSS item title '#428 – Sean Carroll: General Relativity, Quantum Mechanics, Black Holes & Aliens', itunesDuration 9880, guid https://lexfridman.com/?p=5880, pubDate Mon, 22 Apr 2024",
  },
  {
    a: {
      platform: 'rss',
      show: 'Lex Fridman Podcast',
      title: '#419 – Sam Altman: OpenAI, GPT-5, Sora, Board Saga, Elon Musk, Ilya, Power & AGI',
    },
    b: {
      platform: 'rss',
      show: 'Lex Fridman Podcast',
      title: '#452 – Dario Amodei: Anthropic CEO on Claude, AGI & the Future of AI & Humanity',
    },
    same: false,
    expect: null,
    source:
      "public repo notes quoting the official episode page https://lexfridman.com/sam-altman-2 as '#419 – Sam Altman: OpenAI, GPT-5, Sora, Board Saga, Elon Musk, Ilya, Power & AGI' (find_string ids 52470122074, 52939137773) | public repo file (find_string id 66234675934): '#452 – Dario Amodei: Anthropic CEO on Claude, AGI & the Future of AI & Humanity', youtube_id ugvHCXCOmm4",
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    },
    b: {
      platform: 'youtube',
      show: 'Moonshots with Peter Diamandis',
      title: "Why I'm Leaving My Company Immediately (Stability AI) w/ Emad Mostaque | EP #93",
      duration: 4860,
    },
    same: false,
    expect: null,
    source:
      "https://ulisten.ai/channels/no-priors/no-priors-ep-3-with-stability-ais-emad-mostaque_C6Zpjij5AF4/chapters (YouTube title; video id C6Zpjij5AF4 from the URL) | https://finechat.ai/blog-Why-Im-Leaving-My-Company-Immediately-Stability-AI-w-Emad-Mostaque-EP-93-14570 ('Moonshots with Peter Diamandis', 29 Mar 2024, 81:00)",
  },
  {
    a: {
      platform: 'spotify',
      show: 'No Priors: Artificial Intelligence | Technology | Startups',
      title:
        'How can we make sure that everyone has access to AI? Can small models outperform large models? With Stability AI’s Emad Mostaque',
    },
    b: { platform: 'rss', show: 'Gradient Dissent', title: 'Emad Mostaque — Stable Diffusion, Stability AI, and What’s Next' },
    same: false,
    expect: null,
    source:
      'https://podscripts.co/podcasts/no-priors-artificial-intelligence-technology-startups/how-can-we-make-sure-that-everyone-has-access-to-ai-can-small-models-outperform-large-models-with-stability-ais-emad-mostaque (feed title + show name; Episode Date: February 16, 2023) | https://wandb.ai/wandb_fc/gradient-dissent/reports/Emad-Mostaque-Stable-Diffusion-Stability-AI-and-What-s-Next--VmlldzoyOTQ0ODk3?galleryTag=podcast (Gradient Dissent episode title)',
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 124 | With SurgeAI Founder and CEO Edwin Chen',
      duration: 1979,
    },
    b: {
      platform: 'spotify',
      show: "Lenny's Podcast: Product | Career | Growth",
      title: "The 100-person AI lab that became Anthropic and Google's secret weapon | Edwin Chen (Surge AI)",
      duration: 4200,
    },
    same: false,
    expect: null,
    source:
      "public repo task file with yt-dlp metadata (find_string id 55009260876): title 'No Priors Ep. 124 | With SurgeAI Founder and CEO Edwin Chen', https://www.youtube.com/watch?v=UU26zm676Lg, published 2025-07-24, duration_seconds 1979; also https://ulisten.ai/channels/no-priors/UU26zm676Lg | https://app.podcastguru.io/podcast/1627920305/episode/the-100-person-ai-lab-that-became-anthropic-and-google-s-secret-weapon-edwin-chen-surge-ai-f1051feb2b16c79431a0fec4471b4faf (DEC 7, 2025, 70 MIN); https://podcastsdistilled.com/lennys-podcast-product-career-growth/... ('Lenny's Podcast: Product | Career | Growth' slug)",
  },
  {
    a: {
      platform: 'youtube',
      show: 'No Priors: AI, Machine Learning, Tech, & Startups',
      title: 'No Priors Ep. 80 | With Andrej Karpathy from OpenAI and Tesla',
    },
    b: { platform: 'spotify', show: 'Dwarkesh Podcast', title: 'Andrej Karpathy — AGI is still a decade away' },
    same: false,
    expect: null,
    source:
      "https://ulisten.ai/channels/no-priors/no-priors-ep-80-with-andrej-karpathy-from-openai-and-tesla_hM_h0UA7upI; public repo notes (find_string ids 48133084874, 70459334881) link https://www.youtube.com/watch?v=hM_h0UA7upI | https://pod.wave.co/podcast/dwarkesh-podcast/andrej-karpathy-agi-is-still-a-decade-away ('Dwarkesh Podcast: Andrej Karpathy — AGI is Still a Decade Away', Date: October 17, 2025); https://audioscrape.com/person/andrej-karpathy ('Dwarkesh Podcast / Andrej Karpathy — AGI is still a decade away')",
  },
  {
    a: {
      platform: 'youtube',
      show: 'Lex Fridman',
      title: 'Yann Lecun: Meta AI, Open Source, Limits of LLMs, AGI & the Future of AI | Lex Fridman Podcast #416',
    },
    b: {
      platform: 'youtube',
      show: 'The Twenty Minute VC',
      title: 'Yann LeCun: Meta’s New AI Model LLaMA; Why Elon is Wrong about AI; Open-source AI Models | E1014',
    },
    same: false,
    expect: null,
    source:
      "https://ulisten.ai/podcasts/lex-fridman/5t1vTLU7s40 (YouTube title, 'Mar 7, 2024 2h 47m'); https://mindbento.com/lex-fridman/yann-lecun-meta-ai-open-source-limits-of-llms-agi-the-fu-5t1vtlu7s40 | https://ulisten.ai/channels/20vc/yann-lecun-metas-new-ai-model-llama-why-elon-is-wrong-about_OgWaowYiBPM (YouTube, channel shown as 'The Twenty Minute VC')",
  },
];

const libraryEpisode = (side: Side, id = 'a') => ({
  id,
  show: side.show,
  title: side.title,
  altTitles: [],
  ids: {},
  offsets: {},
  duration: side.duration,
});
const page = (side: Side) => ({ site: side.platform, title: side.title, show: side.show, duration: side.duration });

describe('the scorer on real title pairs', () => {
  it.each(PAIRS.map((pair, row) => [row, pair] as const))('row %i', (_, pair) => {
    const outcome = findMatch(indexEpisodes([libraryEpisode(pair.a)]), page(pair.b));
    expect(outcome.episode ? outcome.verdict : null).toBe(pair.expect);
    // Judged directly too, without the index's candidate search: a near miss is ruled out by
    // what contradicts it, not only by not being found.
    expect(judgeEpisode(libraryEpisode(pair.a), page(pair.b)).verdict).toBe(pair.expect);
    if (!pair.same) expect(pair.expect).toBeNull();
  });

  it('every same-episode pair but the guest-only one is found, every near miss is not', () => {
    const found = PAIRS.filter((pair) => pair.same && pair.expect !== null).length;
    expect(found).toBe(PAIRS.filter((pair) => pair.same).length - 1);
    expect(PAIRS.filter((pair) => !pair.same).length).toBeGreaterThanOrEqual(16);
  });

  it('explains a match by the signals that agreed', () => {
    const outcome = findMatch(indexEpisodes([libraryEpisode(PAIRS[5]!.a)]), page(PAIRS[5]!.b));
    expect(outcome.episode && outcome.reasons.filter((reason) => reason.agrees).map((reason) => reason.signal)).toEqual([
      'title',
      'show',
      'number',
      'guest',
    ]);
  });

  it('explains a near miss by what contradicts it', () => {
    const outcome = findMatch(indexEpisodes([libraryEpisode(PAIRS[20]!.a)]), {
      ...page(PAIRS[20]!.b),
      title: 'Yann Lecun: Meta AI, Open Source, Limits of LLMs, AGI & the Future of AI | Lex Fridman Podcast #419',
    });
    expect(outcome.episode).toBeNull();
    expect(!outcome.episode && outcome.why).toBe('contradicted');
    expect(!outcome.episode && outcome.nearest?.reasons.find((reason) => reason.signal === 'number')).toEqual({
      signal: 'number',
      agrees: false,
      detail: '419 vs 416',
    });
  });
});

describe('the bundled episode on the real sites', () => {
  // assets/episodes/no-priors-ep3-emad-mostaque.txt: show "No Priors", the YouTube title, the feed title as alternative.
  const bundled = episodeSchema.parse({
    id: 'no-priors-ep-3',
    show: 'No Priors',
    title: 'No Priors Ep. 3 | With Stability AI’s Emad Mostaque',
    altTitles: [PAIRS[0]!.b.title],
    ids: { youtube: ['C6Zpjij5AF4'] },
    offsets: { spotify: -120 },
    duration: 2702,
    chapters: [{ start: 0, title: 'Intro' }],
  });
  const index = indexEpisodes([bundled]);

  it('is confident on Spotify, which names the show with its tagline (row 11)', () => {
    const ref = { site: 'spotify', title: PAIRS[11]!.b.title, show: PAIRS[11]!.b.show, duration: 2822 };
    expect(matchEpisode(index, ref)?.id).toBe(bundled.id);
  });

  it('is confident on YouTube under the channel’s name (row 0)', () => {
    expect(matchEpisode(index, { site: 'youtube', mediaId: 'other', title: PAIRS[0]!.a.title, show: PAIRS[0]!.a.show })?.id).toBe(
      bundled.id,
    );
  });

  it('never takes another episode of the show, nor asks', () => {
    for (const row of [12, 13, 15, 16]) {
      const other = PAIRS[row]!.b;
      expect(findMatch(index, { site: other.platform, title: other.title, show: other.show }).episode).toBeNull();
    }
  });

  it('asks for the same title under another show', () => {
    const outcome = findMatch(index, { site: 'spotify', title: PAIRS[0]!.b.title, show: 'Some Other Podcast' });
    expect(outcome.episode && outcome.verdict).toBe('plausible');
  });

  it('takes a refused episode for that media no more, and for other media still', () => {
    const ref = { site: 'spotify', mediaId: 'x', title: PAIRS[0]!.b.title, show: 'Some Other Podcast' };
    const refused = new Map([['spotify:x', bundled.id]]);
    const outcome = findMatch(index, ref, refused);
    expect(outcome.episode).toBeNull();
    expect(!outcome.episode && outcome.why).toBe('refused');
    expect(findMatch(index, { ...ref, mediaId: 'y' }, refused).episode?.id).toBe(bundled.id);
  });
});

describe('title signals', () => {
  it.each([
    ['No Priors Ep. 3 | With Stability AI’s Emad Mostaque', 3],
    ['#416 – Yann Lecun: Meta AI', 416],
    ['Yann Lecun: Meta AI | Lex Fridman Podcast #416', 416],
    ['Why I’m Leaving (Stability AI) w/ Emad Mostaque | EP #93', 93],
    ['Yann LeCun: Open-source AI Models | E1014', 1014],
    ['No Priors 🎙️115: Listener Q&A', 115],
    ['How can we make sure that everyone has access to AI?', null],
    ['Sam Altman: OpenAI, GPT-5, Sora', null],
  ])('episode number of %s', (title, number) => {
    expect(episodeNumber(title)).toBe(number);
  });

  it.each([
    ['No Priors: Artificial Intelligence | Technology | Startups', 'no priors'],
    ['No Priors: AI, Machine Learning, Tech, & Startups', 'no priors'],
    ['Lex Fridman Podcast', 'lex fridman'],
    ['Show - the tagline', 'show'],
    ['The Twenty Minute VC', 'twenty minute vc'],
  ])('show core of %s', (show, core) => {
    expect(showCore(show)).toBe(core);
  });

  it('folds number, show and tab suffix out of a title', () => {
    expect(titleCore('Yann Lecun: Meta AI | Lex Fridman Podcast #416 - YouTube', ['Lex Fridman'])).toBe('yann lecun meta ai');
    expect(titleCore('#416 – Yann Lecun: Meta AI', ['Lex Fridman Podcast'])).toBe('yann lecun meta ai');
  });

  it('reads guests after "with"/"from" and before a leading colon or dash', () => {
    expect([...guestWords('No Priors Ep. 3 | With Stability AI’s Emad Mostaque')]).toEqual(['stability', 'emad', 'mostaque']);
    expect([...guestWords('#416 – Yann Lecun: Meta AI, Open Source')]).toEqual(['yann', 'lecun']);
    expect([...guestWords('OpenClaw: The Viral AI Agent')]).toEqual([]);
  });
});
