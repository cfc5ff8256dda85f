// What the widget's API answers: the popup's session and its questions.

export interface Labelled {
  id: string;
  label: string;
}

export interface Question {
  code: string;
  kind: 'thumbs' | 'stars' | 'csat' | 'nps' | 'ces' | 'choice' | 'text';
  label: string;
  choices: string[];
  /** The organization's own questions only. */
  help?: string;
  scale?: { min: number; max: number };
  options?: Labelled[];
  multiple?: boolean;
  follow_up?: { low_at_most: number; reasons: Labelled[]; comment_prompt: string | null } | null;
}

/** One answer as the popup sends it. */
export interface Answer {
  value?: number;
  choices?: string[];
  text?: string;
  reasons?: string[];
  comment?: string;
}

export interface Session {
  popup_active: boolean;
  language: string;
  /** `rtl` for Arabic: the popup and the feedback control are laid out right to left. */
  dir?: 'ltr' | 'rtl';
  brand: {
    name: string;
    logo_url: string | null;
    colors: { accent: string; on_accent: string; ink: string; soft: string };
  };
  questions: Question[];
  text: Record<string, string>;
  messages: Array<{ uid: string; role: string; rating: 'like' | 'dislike' | null }>;
}
