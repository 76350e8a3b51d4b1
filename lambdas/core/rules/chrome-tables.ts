/**
 * Keyword chrome rules, one table per category, one rule per line.
 * Patterns run on whitespace-collapsed block text and only on blocks up to `maxChars`,
 * so a story sentence that happens to mention "newsletter" is never at risk.
 */
import type { RuleTable } from './rule-types';

export const NEWSLETTER_PROMPT: RuleTable = {
  category: 'newsletter',
  rules: [
    { id: 'newsletter.title', pattern: /^[\w' &-]{0,40}\b(newsletters?|bulletin|briefing)$/i, maxChars: 60 },
    { id: 'newsletter.sign-up', pattern: /\b(sign up|signup|subscribe|register|opt in)\b.{0,80}\b(newsletters?|e-?mails?|inbox|alerts|briefing|digest)\b/i, maxChars: 260 },
    { id: 'newsletter.sign-up-intl', pattern: /(newsletter|nieuwsbrief|bolet[ií]n|рассылк|bülten|النشرة|邮件订阅).{0,60}(abonnieren|bestellen|anmelden|abonnez|inscri|suscr[ií]b|assin|cadastr|iscriv|abbonati|aanmelden|abonneer|inschrijven|подпис|abone|اشترك|订阅)|(abonnieren|abonnez-vous|inscrivez-vous|suscr[ií]bete|suscr[ií]base|assine|inscreva-se|cadastre-se|iscriviti|meld je aan|schrijf je in|abonneer je|подпишитесь|подписаться|abone olun|اشترك|订阅).{0,60}(newsletter|nieuwsbrief|bolet[ií]n|рассылк|bülten|النشرة|e-?mail|inbox|postfach|courriel|correo|канал|telegram)|benachrichtigung(en)? über neue (beiträge|kommentare)|neue beiträge (per|via) e-?mail|notifications? (of|about) new (posts|comments)/iu, maxChars: 260 },
    { id: 'newsletter.get-delivered', pattern: /\b(newsletters?|headlines|stories|news)\b.{0,60}\b(delivered|straight|direct(ly)?)\b.{0,30}\b(to )?your (inbox|e-?mail|phone)/i, maxChars: 260 },
    { id: 'newsletter.we-send', pattern: /\bwe('ll| will)? (send|email|e-mail) (you )?(a |an )?(email|e-mail|newsletter|digest)\b/i, maxChars: 200 },
    { id: 'newsletter.join', pattern: /\bjoin (the|our) .{0,40}\b(newsletter|mailing list)\b/i, maxChars: 160 },
    { id: 'newsletter.want-more', pattern: /^(want|like) (more|to read more)\b.{0,40}\?$/i, maxChars: 60 },
    { id: 'newsletter.issues-offer', pattern: /\b\d{1,3} issues for\b|\breceba (em|no) seu e-?mail\b/i, maxChars: 260 },
    { id: 'newsletter.your-inbox', pattern: /\b(your inbox|delivered (to you )?(every|each) (morning|day|week|weekday)|delivered weekday mornings|meet your inbox)\b/i, maxChars: 220 },
    { id: 'newsletter.our-newsletter', pattern: /\b(with|in|from|via|get) (our|the) (free )?(daily |weekly |morning |evening |breaking news )?(newsletter|briefing|bulletin)s?\b|\bmit unserem (kostenlosen )?newsletter\b|\bavec (notre|la) newsletter\b|\bcon (nuestro|nuestra) (newsletter|bolet[ií]n)\b|\bcom a nossa newsletter\b|\bcon la nostra newsletter\b|\bmet onze nieuwsbrief\b/iu, maxChars: 300 },
    { id: 'newsletter.field-required', pattern: /^(this field is required|please enter (a|your) valid e-?mail( address)?\.?|invalid e-?mail( address)?\.?|e-?mail address)$/i, maxChars: 60 },
    { id: 'newsletter.thanks', pattern: /^(thanks?( you)? for (signing up|subscribing)|you('re| are) (now )?(signed up|subscribed))\b/i, maxChars: 160 },
    { id: 'newsletter.subscribe-cta', pattern: /^(subscribe( now| today| here)?|sign up( now| today| here)?|get (our|the) newsletter|already (a subscriber|have an account)\??|become a (member|subscriber)|support (our|independent) journalism)\b.{0,120}$/i, maxChars: 160 },
    { id: 'newsletter.paywall', pattern: /\b(subscribers? only|to continue reading|for unlimited (digital )?access|you have reached your (free )?(article )?limit|free articles? (left|remaining))\b|(nur|exklusiv) für abonnenten|réservé aux abonnés|article réservé|exclusivo para (suscriptores|assinantes)|conteúdo exclusivo|riservato agli abbonati|alleen voor abonnees|только для подписчиков|abonelere özel|للمشتركين فقط/iu, maxChars: 240 },
    { id: 'newsletter.privacy-note', pattern: /\b(unsubscribe at any time|by (signing up|subscribing|clicking)\b.{0,60}\b(agree|consent)|we will use your e-?mail|see our privacy (policy|notice))\b/i, maxChars: 300 },
    { id: 'newsletter.membership-appeal', pattern: /^if you (enjoyed|liked|value|appreciate|found value in) (this|our) (article|story|piece|post|journalism|reporting|work)\b/i, maxChars: 400 },
  ],
};

export const BYLINE_DATELINE: RuleTable = {
  category: 'byline',
  rules: [
    { id: 'byline.by-name', pattern: /^((By|BY|by|Written by|Words by|Story by|Reporting by|Por|POR|Di|Von|VON|Par|PAR|Door|Автор|بقلم):?|(Texto|Text|Tekst|Autor|Autorin|Auteur|Autore|Yazan|Yazar|كتب):) ([\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} (and|und|et|y|e|en|и|ve|و) [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} (and|und|et|y|e|en|и|ve|و) [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}, .{2,60}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} ?[|•] .{2,60})$/u, maxChars: 120, extract: 'byline', where: 'edge' },
    { id: 'byline.by-name-dated', pattern: /^(By|BY) \p{Lu}.{2,80} on \p{L}{3,9},? \p{L}{3,9} \d{1,2}(st|nd|rd|th)?, \d{4}.{0,30}$/u, maxChars: 160, extract: 'published', where: 'edge' },
    { id: 'byline.reporter-cjk', pattern: /^[（(]?(本报|本台)?(记者|作者|文|撰文)[：: /／]{0,2}\p{Script=Han}{2,4}[ 、，\p{Script=Han}]{0,15}[）)]?$/u, maxChars: 40, extract: 'byline', where: 'edge' },
    { id: 'byline.by-label', pattern: /^(by|por|von|di|par|door|autor|auteur|autore|автор|yazan|yazar|بقلم|作者|记者|texto|text|tekst):?$/iu, maxChars: 8, where: 'edge' },
    { id: 'byline.date-then-name', pattern: /^(\d{1,2}(st|nd|rd|th|er|º|\.)? (de )?\p{L}{2,12}( de| الأول| الاول| الثاني)?[.,]{0,2} \d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[年년]\d{1,2}[月월]\d{1,2}[日일]) ?[-–—|,] ?\d{1,2}[:.]\d{2}( am| pm| AM| PM)? ([\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20}|[\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20} [\p{Lu}\p{Lo}][\p{L}\p{M}'’.-]{0,20})$/u, maxChars: 100, extract: 'byline', where: 'edge' },
    { id: 'byline.published-label', pattern: /^[|•·]? ?(published|posted|updated|last updated|first published|publicado( el| em)?|actualizado( el)?|atualizado( em)?|pubblicato( il)?|aggiornato( il)?|veröffentlicht( am)?|aktualisiert( am)?|erstellt( am)?|stand|publié( le)?|mis à jour( le)?|gepubliceerd( op)?|bijgewerkt( op)?|geplaatst( op)?|опубликовано|обновлено|дата публикации|yayınlanma( tarihi)?|yayın tarihi|güncelleme( tarihi)?|güncellenme( tarihi)?|تاريخ النشر|نشر في|آخر تحديث|发布时间|发布日期|更新时间|发表于)(?!\p{L}):? ?(on |at )?.{0,20}\d.{0,60}$/iu, maxChars: 110, extract: 'published', where: 'edge' },
    { id: 'byline.date-line', pattern: /^[|• ]{0,2}\p{L}{0,12}[.,، ]{0,3}(\p{L}{3,10}\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2}(st|nd|rd|th|er|º|\.)? (de )?\p{L}{2,12}( de| الأول| الاول| الثاني)?[.,]{0,2} \d{4}|\d{1,4}[./-]\d{1,2}[./-]\d{2,4}|\d{4}[年년]\d{1,2}[月월]\d{1,2}[日일])[.,، ]{0,3}\p{L}{0,12}\.?$/iu, maxChars: 48, extract: 'published', where: 'edge' },
    { id: 'byline.date-time-line', pattern: /^[|• ]{0,2}\p{L}{0,12}[.,، ]{0,3}(\p{L}{3,10}\.? \d{1,2}(st|nd|rd|th)?,? \d{4}|\d{1,2}(st|nd|rd|th|er|º|\.)? (de )?\p{L}{2,12}( de| الأول| الاول| الثاني)?[.,]{0,2} \d{4}|\d{4}[年년]\d{1,2}[月월]\d{1,2}[日일])[ ,.|•@–—\p{L}-]{1,10}\d{1,2}[:.h]\d{2}[ \p{L}.•|\d()+:-]{0,34}$/iu, maxChars: 90, extract: 'published', where: 'edge' },
    { id: 'byline.numeric-date-time', pattern: /^[|• ]{0,2}\p{L}{0,12}[.,، ]{0,3}(\d{1,4}[./-]\d{1,2}[./-]\d{2,4})[ ,.|•@–—\p{L}-]{1,10}\d{1,2}[:.h]\d{2}[ \p{L}.•|\d()+:-]{0,34}$/iu, maxChars: 90, extract: 'published', where: 'edge' },
    { id: 'byline.time-ago', pattern: /^(\d{1,2}|an|a|one|two|three) (seconds|second|minutes|minute|mins|min|hours|hour|hrs|hr|days|day|weeks|week|months|month|years|year) ago[ at\d:.apm]{0,12}$/i, maxChars: 40 },
    { id: 'byline.time-ago-intl', pattern: /^(vor \d{1,2} (sekunden|minuten|stunden|tagen|wochen)|il y a \d{1,2} (secondes|minutes?|heures?|jours?|semaines?)|hace \d{1,2} (segundos|minutos?|horas?|d[ií]as?|semanas?)|h[áa] \d{1,2} (segundos|minutos?|horas?|dias?|semanas?)|\d{1,2} (secondi|minuti|ore|giorni|settimane) fa|\d{1,2} (seconden|minuten|uur|dagen|weken) geleden|\d{1,2} (секунд|минут[уы]?|час(а|ов)?|день|дня|дней|недел[юьи]) назад|\d{1,2} (saniye|dakika|saat|gün|hafta) önce|منذ \d{1,2} (ثانية|دقيقة|دقائق|ساعة|ساعات|يوم|أيام)|\d{1,2} ?(秒|分钟|小时|天|周)前)$/iu, maxChars: 40 },
    { id: 'byline.read-time-label', pattern: /^(reading time|read time|tempo de leitura|tiempo de lectura|tempo di lettura|lesezeit|lesedauer|temps de lecture|leestijd|время чтения|okuma süresi|وقت القراءة|阅读时间)\s*:?\s*\d{1,3}\s*\p{L}{1,10}\.?$/iu, maxChars: 50 },
    { id: 'byline.relative-day', pattern: /^(today|yesterday|hoje|ontem|oggi|ieri|heute|gestern|aujourd'hui|hier|hoy|ayer|vandaag|gisteren|сегодня|вчера|bugün|dün|اليوم|أمس|今天|昨天),? ?(um |à |a las |alle |om |в |saat )?\d{1,2}[:.h]\d{2}[ apm.]{0,5}$/iu, maxChars: 30, extract: 'published' },
    { id: 'byline.read-time', pattern: /^\d{1,3} ?(min|mins|minute|minutes|minuten|minutos|minuti|m|мин|dk|dakika|分钟)\.? (read|reading time|de leitura|di lettura|de lectura|de lecture|lesezeit|leestijd|чтения|okuma|okuma süresi|阅读)$/iu, maxChars: 40 },
    { id: 'byline.staff-role', pattern: /^(opinion columnist|staff (writer|reporter)|senior (writer|reporter|editor|correspondent)|contributing (writer|editor)|contributor|correspondent|columnist|news editor|reporter|redakteur(in)?|korrespondent(in)?|journaliste|correspondant(e)?|rédact(eur|rice)|periodista|redactor(a)?|corresponsal|giornalista|corrispondente|verslaggever|redacteur|корреспондент|журналист|muhabir|مراسل|صحفي|记者)$/iu, maxChars: 40, where: 'edge' },
    { id: 'byline.name-role', pattern: /^\p{Lu}[\p{L}'’. -]{2,40}, (ap |associated press |reuters |afp |bloomberg )?[\p{L} ]{0,30}(writer|reporter|correspondent|editor|columnist)$/iu, maxChars: 90, extract: 'byline', where: 'edge' },
    { id: 'byline.twitter-handle', pattern: /^(@|twitter\.com\/)\w{2,20}$/, maxChars: 40, where: 'edge' },
    { id: 'byline.email', pattern: /^[\w.+-]{1,40}@[\w.-]{1,60}\.\w{2,10}$/, maxChars: 80, where: 'edge' },
  ],
};

export const SYNDICATION_DISCLAIMER: RuleTable = {
  category: 'syndication',
  rules: [
    { id: 'syndication.wire-note', pattern: /\bhas reviewed this\b.{0,60}\b(story|article|report)\b|\b(this|the) (story|article)\b.{0,40}\b(published|generated|appeared) (from|via|through|on) (a |an )?(syndicated|wire|agency|automated)\b.{0,40}\bfeed\b|\b(has not been edited by|was not edited by|auto-generated from a syndicated feed)\b|\b(von der redaktion )?nicht (bearbeitet|redigiert)\b|\bdpa-(newskanal|nachrichtenkanal)\b|\b(publiée?|générée?) automatiquement\b|\bn'a pas été (édité|modifié)e? par\b/iu, maxChars: 400, extract: 'syndication' },
    { id: 'syndication.copyright-agency', pattern: /^(copyright|©|\(c\))\s*\d{0,4}\s*(the )?(associated press|reuters|agence france-presse|afp|bloomberg|upi|dpa|press association)\b.{0,160}$/i, maxChars: 240, extract: 'syndication' },
    { id: 'syndication.credit-line', pattern: /^(with )?(additional )?(reporting|contributions?|information|material) (by|from)\s+\S.{0,200}$/i, maxChars: 220, extract: 'credits' },
    { id: 'syndication.contributed', pattern: /^\p{Lu}[\p{L}'’. ,-]{2,120} contributed (to )?this (report|story|article)\.?$/u, maxChars: 160, extract: 'credits' },
    { id: 'syndication.via-site', pattern: /^via [\w-]{2,40}\.[a-z]{2,6}$/i, maxChars: 50, extract: 'syndication' },
    { id: 'syndication.may-not-be-published', pattern: /\bmay not be (published|reproduced), broadcast, rewritten,? or redistributed\b/i, maxChars: 300, extract: 'syndication' },
  ],
};

export const AGENCY_BOILERPLATE: RuleTable = {
  category: 'agency-boilerplate',
  rules: [
    { id: 'agency.outlet-about', pattern: /^(the )?(associated press|reuters|thomson reuters|agence france-presse|afp|bloomberg|bloomberg news|united press international|upi|deutsche presse-agentur|dpa|press association|pa media|xinhua|tass|interfax),? (is|was) (an?|the) [^.]{0,80}\b(organi[sz]ation|cooperative|agency|service|provider)\b|^[\p{Lu}][\p{L}/&.,’' -]{1,70} the news and media division of\b|\b(journalists|reporters|correspondents|teams|staff|they|we)\b[\p{L} ,]{0,25}\b(operate|report|work|broadcast|publish|serve)[\p{L} ]{0,20} in (more than |over )?\d+ (locations|languages|bureaus|cities|countries)\b/iu, maxChars: 600, where: 'edge' },
    { id: 'agency.legal-notice', pattern: /\b(has been|was|were|is) (declared|designated|labell?ed|listed as|branded) (a |an |as a |as an )?"?(undesirable|foreign agent|extremist)|\b(could|may|can) face (fines|criminal (charges|liability|prosecution)|prosecution|imprisonment|jail)\b[^.]{0,40}\b(sharing|reposting|liking|distributing|spreading)\b|(создан|распространен)\p{L}{0,2}[^.]{0,120}иностранн\p{L}{0,4} (агент|средств)|нежелательн\p{L}{0,4} организаци/iu, maxChars: 600, where: 'edge' },
    { id: 'agency.about-author', pattern: /^(about the (author|writer)|more (stories|articles) (by|from) this (author|writer)|author profile|view all posts by\b.{0,60})$/i, maxChars: 100 },
    { id: 'agency.about-name', pattern: /^(about|sobre|über|à propos de|a proposito di|acerca de|o autorze) (the author|o autor|l'auteur|\p{Lu}[\p{L}'’.-]{1,20} \p{Lu}[\p{L}'’.-]{1,20})$|^(über (den autor|die autorin)|sobre (el autor|la autora)|sull'autore|over de auteur|об авторе|yazar hakkında|عن الكاتب|关于作者)$/iu, maxChars: 60 },
    { id: 'agency.biography-label', pattern: /^(biography|bio|author|autor|auteur|autore|autoren|autorin|auteurs|autores|autori|автор|yazar|الكاتب|作者):?$/iu, maxChars: 14, where: 'edge' },
    { id: 'agency.author-bio', pattern: /^\p{Lu}[\p{L}\d'’.()@_ -]{1,80} is (an?|the) [\p{L} -]{0,60}\b([Ww]riter|[Rr]eporter|[Ee]ditor|[Jj]ournalist|[Cc]orrespondent|[Cc]olumnist|[Pp]roducer|[Cc]urator|[Cc]ontributor|[Pp]hotographer)s?\b.{0,260}$/u, maxChars: 340, where: 'edge' },
    { id: 'agency.author-bio-first-person', pattern: /^I('m| am) an? [\p{L} ,-]{0,40}\b(writer|journalist|reporter|editor|columnist|correspondent)\b.{0,300}$/iu, maxChars: 360, where: 'edge' },
    { id: 'agency.opinions-own', pattern: /^(the )?(opinions|views) expressed (by|in|here)\b.{0,60}\bare (their|his|her|the author'?s'?|solely)( own)?\b.{0,80}$/i, maxChars: 160 },
    { id: 'agency.tip-line', pattern: /^(have|got) a (news )?tip\??|\b(may|can) be reached (at|by)\b|^(send|email) (us )?(your )?(news )?tips?\b/i, maxChars: 260 },
    { id: 'agency.follow-author', pattern: /\bfollow (him|her|them|me) on (twitter|facebook|instagram)\b/i, maxChars: 300, where: 'edge' },
    { id: 'agency.contact-author', pattern: /^(contact|email|reach) (the )?(author|reporter|writer|us)\b.{0,80}$/i, maxChars: 120 },
    { id: 'agency.all-rights', pattern: /\ball rights reserved\b/i, maxChars: 400 },
    { id: 'agency.site-disclaimer', pattern: /^the (information|content|material) (provided|contained|published) (on|in) this (web)?site\b|\bhave not been evaluated by the food and drug administration\b/i, maxChars: 600 },
    { id: 'agency.trademarks', pattern: /\b(registered trademarks? of|trademarks? of .{2,60} registered in)\b/i, maxChars: 400 },
    { id: 'agency.copyright-line', pattern: /^(copyright|©|\(c\))\s*[@ⓒ©]?\s*(\d{4}|\p{L})/iu, maxChars: 200 },
    { id: 'agency.copyright-notice', pattern: /\bthis (document|article|material|content|story) is (subject to|protected by) copyright\b/i, maxChars: 500 },
    { id: 'agency.citation-retrieved', pattern: /^citation: .{10,300}\bretrieved\b.{4,40}\bfrom https?:\/\/\S{4,200}$/i, maxChars: 500 },
  ],
};

export const CAPTION_CREDIT: RuleTable = {
  category: 'caption',
  rules: [
    { id: 'caption.credit-suffix', pattern: /(^|[^\p{L}])(picture|photo|photograph|image|credit|crédit|foto|fotograf[ií]a|imagem|imagen|immagine|bild|bildquelle|abbildung|quelle|fuente|fonte|bron|source|illustration|фото|источник|صورة|الصورة|المصدر|fotoğraf|kaynak|图片来源|图片|摄影|来源|beitragsbild|titelbild|symbolbild)(s|er)?( credit)?\s*[:：]\s*©?\s*[\p{L}\d][\p{L}\d /.,&'’@_|©()-]{0,120}$/iu, maxChars: 400 },
    { id: 'caption.agency-credit', pattern: /[([]?(photo|image|picture|pic|file photo|getty|ap photo|reuters|afp|epa|shutterstock)\b[^)\]]{0,40}\/\s*[\p{L} .,-]{2,50}[)\]]?\.?$/iu, maxChars: 400 },
    { id: 'caption.getty', pattern: /^\(?(photo: |photo |photo:|foto: |foto |фото: )?(getty images|ap|reuters|afp|epa|shutterstock|istock|alamy|pa wire|pa|dpa|imago|picture alliance|efe|ansa|anp|belga|keystone|tass|тасс|риа новости|anadolu ajansı|xinhua|新华社)\)?\.?$/iu, maxChars: 50 },
    { id: 'caption.photo-label', pattern: /^\(?(photo|image|picture|file|illustration|graphic|foto|bild|fotograf[ií]a|imagen|immagine|фото|صورة|fotoğraf|图片|图)s?( by| via| von| par| por| di| door|:|：)\s*.{1,60}\)?$/iu, maxChars: 80 },
    { id: 'caption.gallery', pattern: /^(\d+\s*(of|\/)\s*\d+|view (the )?(photo )?gallery|see all \d+ photos|\d+ photos|enlarge (this )?(image|photo)|click (to|for) (enlarge|expand)|(hide|show|toggle) caption)$/i, maxChars: 40 },
    { id: 'caption.caption-label', pattern: /^(image|media|video|photo) ?caption ?\S/i, maxChars: 400 },
    { id: 'caption.glued-credit', pattern: /\p{Ll}(Credit|Photo|Picture|Image|Source|Foto): ?[\p{L}\d][\p{L}\d /.,&'’@_-]{0,60}$|\p{Ll}\.(Reuters|AFP|EPA|Getty Images|Shutterstock|Bloomberg|AP)$/u, maxChars: 400 },
    { id: 'caption.photo-kind', pattern: /\b(submitted|file|contributed|handout|courtesy) (photo|image|picture)\)?\.?$|^(file photo|handout)\s*:|\bthis .{0,30}\bfile (photo|image)\b/i, maxChars: 400 },
    { id: 'caption.via-agency', pattern: /\bvia (AP|Reuters|AFP|EPA|Getty Images|Getty|Shutterstock)\)?\.?$/, maxChars: 200 },
    { id: 'caption.via-source', pattern: /^(?![^.!?]{0,160}\b(di|in|a|da|per|della|alla|nella|sulla|dalla) via \p{Lu})[^.!?]{10,160} via \p{Lu}[\p{L}\d.&-]{1,30}$/u, maxChars: 200 },
    { id: 'caption.dated', pattern: /, (Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday),? (Jan|Feb|March|April|May|June|July|Aug|Sept|Oct|Nov|Dec)[a-z]{0,6}\.? \d{1,2},? \d{4}\b/, maxChars: 600 },
    { id: 'caption.position-marker', pattern: /\((pictured|left|right|centre|center|background|foreground|second from (left|right))\)|, pictured (at|in|on|with|during)\b/i, maxChars: 400 },
  ],
};

export const RELATED_LIST: RuleTable = {
  category: 'related-list',
  rules: [
    { id: 'related.heading', pattern: /^(related( articles| stories| content| coverage| news| posts| links| reading)?|more (stories|news|articles|from|on|in|like this)\b.{0,40}|more|more (great |top |popular )?[\p{L}\d ]{0,24}(stories|news|articles|videos|coverage|reads)|most (read|popular|watched|viewed|shared|commented)( stories| articles| now| today)?|top stories|trending( now| stories| news| topics)?|you (may|might) (also )?like|recommended( for you| stories| articles| reading)?|read (more|next|also)|see also|also read|editors'? picks?|popular (stories|now|on)\b.{0,30}|what to read next|latest (news|stories|headlines|videos)|in other news|don'?t miss|more coverage|further reading|explore further|up next|next up|around the web|promoted stories|sponsored (stories|content|links)|from the web|leia mais)\s*[:.…]*$/iu, maxChars: 60 },
    { id: 'related.heading-intl', pattern: /^(самые популярные( статьи| новости| диеты)?|читайте (также|ещё|еще)|похожие (статьи|новости|материалы)|популярное|(ещё |еще )?по теме|(материалы|новости) по теме|другие новости|самое читаемое|m[aá]s le[ií]d[oa]s|noticias relacionadas|art[ií]culos relacionados|contenido relacionado|(tambi[eé]n )?(te|le) (puede|podr[ií]a) (interesar|gustar)|te recomendamos|m[aá]s noticias|mais lid[ao]s|not[ií]cias relacionadas|mat[ée]rias relacionadas|voc[eê] (também )?pode (gostar|se interessar)|articoli correlati|pi[uù] lett[ie]|ti potrebbe interessare|potrebbe (anche )?(piacerti|interessarti)|altre notizie|mehr zum thema|meistgelesen(e)?( artikel)?|das (thema )?könnte (sie|dich) auch interessieren|auch interessant|(ähnliche|verwandte|weitere|neueste|beliebte|empfohlene) (artikel|beiträge|themen|nachrichten|meldungen)|schon gelesen|zum weiterlesen|à découvrir( aussi| également)?|sur le même (sujet|thème)|dans la même rubrique|articles (similaires|liés|connexes|récents)|les plus (lus|partagés|commentés)|(nos )?derniers articles|vous (aimerez|pourriez aimer) aussi|ces articles (peuvent|pourraient) vous intéresser|meer over dit onderwerp|gerelateerde (artikelen|berichten)|meest gelezen|ook interessant|meer nieuws|[أا]خبار ذات صلة|(مواضيع|مقالات) ذات صلة|ال[أا]كثر قراءة|(bunlar da )?ilginizi çekebilir|(ilgili|benzer|diğer) haberler|en çok okunanlar|相关阅读|延伸阅读|相关(新闻|文章)|推荐阅读|热门(文章|新闻)|猜你喜欢|更多新闻|热点推荐)\s*\p{M}{0,2}[:.…!?：»›]*$/iu, maxChars: 60 },
    { id: 'related.read-also', pattern: /^(leia também|veja também|leggi anche|vedi anche|lesen sie (auch|mehr)|siehe auch|(à |a )?lire (aussi|également)|(à )?voir aussi|(lea|lee|mira|ver) tambi[eé]n|lees ook|bekijk ook|читайте также|смотрите также|[اإ]قر[أا] [أا]يضا|ayrıca (okuyun|bakınız))\s*\p{M}{0,2}[:.…!?：»›]*$/iu, maxChars: 40 },
    { id: 'related.recent-popular', pattern: /^(recent|popular|latest|top|trending) (articles|posts|stories|news|reads)( this (week|month))?$|^popular this (week|month)$/i, maxChars: 40 },
    { id: 'related.inline-prefix', pattern: /^(related|read more|read also|also read|see also|more|recommended|must read|leia também|leia mais|veja também|leggi anche|vedi anche|lesen sie auch|lesen sie mehr|mehr zum thema|siehe auch|zum thema|auch interessant|(à |a )?lire aussi|voir aussi|(lea|lee|mira|ver) tambi[eé]n|lea más|lea|mira|(te|le) puede interesar|lees ook|bekijk ook|читайте также|смотрите также|по теме|[اإ]قر[أا] [أا]يضا|ayrıca okuyun|ilgili haber|相关阅读|延伸阅读|推荐阅读)\s*[:|»›>：-]\s*\S.{0,200}$/iu, maxChars: 240 },
    { id: 'related.full-coverage', pattern: /^(follow|read|see|get) (ap'?s|our|the) (full|complete|latest|continuing) coverage (of|on)\b.{0,120}$/i, maxChars: 160 },
    { id: 'related.parenthesised', pattern: /^[([] ?(leggi anche|read more|related|see also|also read|more|leia também|veja também|lesen sie auch|mehr zum thema|siehe auch|(à |a )?lire aussi|voir aussi|(lea|lee) tambi[eé]n|lees ook|читайте также|[اإ]قر[أا] [أا]يضا|ayrıca okuyun)(?!\p{L}).{2,200}[)\]]$/iu, maxChars: 240 },
    { id: 'related.on-site', pattern: /^(also )?on [\w-]{2,30}\.(com|net|org|co\.uk|com\.au)\b\s?:?\s?\S.{0,200}$/i, maxChars: 200 },
    { id: 'related.arrow-link', pattern: /^.{5,150}\s(»|›|→)$/, maxChars: 160 },
    { id: 'related.recirc-widget', pattern: /\b(outbrain|taboola|zergnet|revcontent)\b/i, maxChars: 200 },
    { id: 'related.continue-link', pattern: /^(weiterlesen|mehr lesen|lire la suite|lire plus|leer más|seguir leyendo|continuar leyendo|continue lendo|continua a leggere|leggi tutto|lees verder|читать далее|читать полностью|devamını oku|haberin devamı|阅读全文|查看全文|اقرأ المزيد)\s*[:.…»›→]*$/iu, maxChars: 30 },
  ],
};

export const READER_POLL: RuleTable = {
  category: 'reader-poll',
  rules: [
    { id: 'poll.do-you-think', pattern: /^(do|would|should|are|will) (you|we) (think|believe|agree|support|approve|trust|feel)\b.{0,150}\?$/i, maxChars: 180 },
    { id: 'poll.vote', pattern: /^(vote( now)?|cast your vote|view results|see results|take (our|the) poll|poll|survey|bewerten|artikel bewerten|noter cet article|valora este art[ií]culo|avalie|vota)\s*:?$/iu, maxChars: 30 },
    { id: 'poll.options', pattern: /^(yes|no|not sure|undecided|maybe) ?\d{0,3}%?$/i, maxChars: 16 },
  ],
};

export const VIDEO_EMBED: RuleTable = {
  category: 'video-embed',
  rules: [
    { id: 'video.shortcode', pattern: /^\[(jwplayer|video|embed|youtube|vimeo|brightcove|caption|gallery|iframe)\b[^\]]{0,80}\]$|^\[(\w{2,20})\b[^\]]{0,200}\].{0,120}\[\/\2\]$/i, maxChars: 360 },
    { id: 'video.player-chrome', pattern: /^(watch|play|replay)( the)?( video| now| next)?$|^(now playing|video player|autoplay|video duration|duration|current time|0:00|\d{1,2}:\d{2}|\d{1,2}:\d{2} \/ \d{1,2}:\d{2})$/i, maxChars: 30 },
    { id: 'video.unsupported', pattern: /\b(your browser does not support|this video (is|has been) (unavailable|removed)|enable javascript to (view|watch)|media playback is unsupported|(requires|needs) javascript|slideshow requires)\b/i, maxChars: 200 },
    { id: 'video.video-label', pattern: /^(video|watch|vídeo|vidéo|видео|فيديو|视频|izle)\s*[:|-]\s*.{2,140}$/iu, maxChars: 150 },
  ],
};

export const SHARE_BAR: RuleTable = {
  category: 'share-bar',
  rules: [
    { id: 'share.label', pattern: /^(share( this| on| via)?( article| story| page)?|share this:?|tweet|pin( it)?|email|e-mail|print|copy link|copy|whatsapp|facebook|twitter|linkedin|reddit|pinterest|messenger|telegram|flipboard|google news|comments?|save|send|like|follow( us)?|partilhar|compartilhar|condividi|teilen|artikel teilen|beitrag teilen|diesen artikel teilen|drucken|versenden|partager|partager cet article|imprimer|compartir|compartir en|imprimir|condividi su|stampa|delen|deel dit artikel|afdrukken|поделиться|печать|paylaş|yazdır|مشاركة|شارك|طباعة|分享|分享到|打印|teilen sie dies mit|teile dies mit|seite drucken|artikel drucken|partager la publication|partager ceci|compartir esto|compartilhe isso|condividi questo articolo|deel dit)\s*[:：]?$/iu, maxChars: 30 },
    { id: 'share.to-network', pattern: /^(share|post|send|pin) (to|on|via) (facebook|twitter|x|linkedin|whatsapp|reddit|pinterest|email|e-mail|messenger|telegram|flipboard)$/i, maxChars: 30 },
    { id: 'share.count', pattern: /^\d{1,6}\s*(shares?|likes?|views?)$/i, maxChars: 24 },
    { id: 'share.follow-us', pattern: /^(follow|like|find|connect with) us (on|at)\b.{0,60}$|^connect with us$|^(folgen sie uns|folge uns|suivez-nous|síguenos|siga-nos|seguici|volg ons|подписывайтесь на нас|bizi takip edin|تابعونا|关注我们).{0,60}$/iu, maxChars: 80 },
    { id: 'share.buttons', pattern: /\b(sharing|share|social) (buttons|tools|icons)\b/i, maxChars: 40 },
    { id: 'share.like-this', pattern: /^(like|enjoy(ed)?|love[sd]?) this (story|article|post)\?|^(hat ihnen (dieser|der) (artikel|beitrag) gefallen|gefällt (dir|ihnen) (dieser|der|unser) [\p{L}-]{2,30}|fanden sie diesen artikel (nützlich|hilfreich)|vous avez aimé cet article|¿?te (ha )?gustado (este|el) art[ií]culo|gostou (deste|do) artigo|ti è piaciuto (questo|l')articolo|vond je dit artikel (leuk|nuttig)|понравилась статья)\?/iu, maxChars: 80 },
    { id: 'share.follow-outlet', pattern: /^follow [\p{L}\d ]{2,50} on (twitter|facebook|instagram|youtube|linkedin)\b.{0,80}$/iu, maxChars: 120 },
    { id: 'share.list', pattern: /^(facebook|twitter|linkedin|email|mail|e-mail|whatsapp|reddit|pinterest|pint|pin|print|messenger|telegram|tweet|share|baixar|download|compartilhar|partilhar|teilen|condividi|vk|ok|xing|partager|compartir|delen|paylaş|поделиться|вконтакте|weibo|微博|微信|wechat)( facebook| twitter| linkedin| email| mail| e-mail| whatsapp| reddit| pinterest| pint| pin| print| messenger| telegram| tweet| share| baixar| download| compartilhar| partilhar| teilen| condividi| vk| ok| xing| partager| compartir| delen| paylaş| поделиться| вконтакте| weibo| 微博| 微信| wechat|,| \||\|| •| ·){1,16}$/iu, maxChars: 120 },
  ],
};

export const NAVIGATION: RuleTable = {
  category: 'navigation',
  rules: [
    { id: 'nav.skip-links', pattern: /^(skip to (main )?(content|navigation|search)|accessibility links|jump to( main)? content|back to top|return to top|go to top|menu|main menu|close( menu)?|open menu|search|home|sections|log ?in|sign ?in|log ?out|register|my account|toggle navigation|zum inhalt springen|zum hauptinhalt|aller au contenu|(ir|saltar) al contenido|vai al contenuto|naar (de )?inhoud|перейти к содержимому|içeriğe geç|跳到主要内容|suche|rechercher|buscar|cerca|zoeken|поиск|بحث|搜索|startseite|accueil|inicio|início|главная|ana sayfa|الرئيسية|首页|anmelden|einloggen|se connecter|connexion|iniciar sesión|accedi|inloggen|войти|giriş yap|تسجيل الدخول|登录|nach oben|retour en haut|volver arriba|voltar ao topo|torna su|naar boven|наверх|zurück|inhaltsverzeichnis|table of contents|sommaire|índice|indice|inhoudsopgave|содержание|içindekiler|目录)$/iu, maxChars: 30 },
    { id: 'nav.breaking', pattern: /^(breaking news|breaking|live|latest)$/i, maxChars: 20 },
    { id: 'nav.breadcrumb', pattern: /^[\p{L}& ]{2,30} ?[›»>/|] ?[\p{L}\d& ›»>/|…,.'’-]{2,150}$/u, maxChars: 120 },
    { id: 'nav.prev-next', pattern: /^(previous|next)( (article|story|post|page))?\s*:?$|^(«|‹)?\s*(previous|prev|older)\b.{0,80}$|^.{0,80}\b(next|newer)\s*(»|›)$|^(vorheriger artikel|nächster artikel|article (précédent|suivant)|artículo anterior|siguiente artículo|artigo anterior|próximo artigo|articolo (precedente|successivo)|vorig artikel|volgend artikel|(предыдущая|следующая) статья|(önceki|sonraki) haber|المقال (السابق|التالي)|上一篇|下一篇)\s*[:：]?.{0,80}$/iu, maxChars: 100 },
    { id: 'nav.click-here', pattern: /\bclick(ing)? here\b/i, maxChars: 90 },
    { id: 'nav.click-cta', pattern: /^(clique|clica|haga clic|cliquez|klicken sie) (aqui|aquí|ici|hier|na|no|nas|nos|em|e|en|sur|auf)\b.{0,200}$/i, maxChars: 220 },
    { id: 'nav.footer-links', pattern: /^(about us|contact us|privacy policy|terms (of use|of service|and conditions)|cookie policy|sitemap|site map|careers|advertise( with us)?|help|faq|rss|newsletters?|accessibility|corrections|ethics policy|impressum|datenschutz|datenschutzerklärung|kontakt|agb|mentions légales|politique de confidentialité|aviso legal|política de privacidad|contacto|contato|política de privacidade|note legali|contatti|colofon|privacybeleid|контакты|о нас|политика конфиденциальности|künye|iletişim|gizlilik politikası|اتصل بنا|سياسة الخصوصية|联系我们|关于我们|隐私政策)$/iu, maxChars: 40 },
    { id: 'nav.pipe-links', pattern: /^[^|]{1,30}\|[^|]{1,30}\|[^.!?]{1,150}$/, maxChars: 200 },
    { id: 'nav.glued-breadcrumb', pattern: /^Home\p{Lu}\S* \S+ \S+ \S/u, maxChars: 250 },
  ],
};

export const COOKIE_CONSENT: RuleTable = {
  category: 'cookie-consent',
  rules: [
    { id: 'cookie.we-use', pattern: /\b(we|this (site|website)) uses? cookies\b|\bcookies?\b.{0,80}(verwende|nutz|utilis|utiliz|usamos|usiamo|gebruik|использ|kullan)|(verwende|verwendet|nutzt|nutzen|setzt|setzen|utilise|utilisons|utiliza|utilizamos|usamos|usa|utilizziamo|utilizza|usiamo|gebruikt|gebruiken|используем|использует)\s.{0,40}\bcookies?\b|çerez|ملفات تعريف الارتباط|使用cookie/iu, maxChars: 500 },
    { id: 'cookie.accept', pattern: /^(accept|agree|allow)( all)?( cookies)?|^(i agree|i accept|got it|ok(ay)?|manage (cookies|preferences|settings)|cookie (settings|preferences|policy))$|^(alle akzeptieren|akzeptieren|alle cookies akzeptieren|zustimmen|einverstanden|tout accepter|accepter|j'accepte|aceptar|aceptar todo|aceptar todas|acepto|aceitar|aceito|accetta|accetta tutti|accetto|accepteren|alles accepteren|akkoord|принять|принять все|согласен|kabul et|kabul ediyorum|tümünü kabul et|قبول|موافق|接受|同意)$/iu, maxChars: 30 },
    { id: 'cookie.consent', pattern: /\b(by continuing to (use|browse)|you (agree|consent) to (our|the) use of cookies|cookie (policy|notice)|privacy (settings|preferences))\b/i, maxChars: 400 },
  ],
};

export const CORRECTION_BOX: RuleTable = {
  category: 'correction-box',
  rules: [
    { id: 'correction.heading', pattern: /^(truth and accuracy|corrections? (policy|and clarifications)|report an error|submit a correction|suggest a correction|spotted an error\??|found an error\??|fehler (gefunden|entdeckt|melden)\??|einen fehler (gefunden|entdeckt)\??|signaler une erreur|reportar un error|segnala un errore|fout gezien\??|сообщить об ошибке|hata bildir)\s*(→|»|›)?$/iu, maxChars: 40 },
    { id: 'correction.standards-note', pattern: /^(we are|we're|[\p{L} ]{2,30} is) committed to (truth|accuracy|fairness|transparency|correcting)\b.{0,160}$|\b(read|see|view) our (editorial (standards|guidelines|policy|policies)|corrections policy|ethics policy)\b|^(if you (spot|see|notice|find)|spotted) (a |an )?(error|mistake|typo)\b.{0,120}$/iu, maxChars: 200 },
  ],
};

export const TAG_LIST: RuleTable = {
  category: 'tag-list',
  rules: [
    { id: 'tags.label', pattern: /^(tags|tag|topics|topic|filed under|categories|category|keywords|related topics|more on|assuntos|argomenti|temas|themen|thema|schlagwörter|schlagworte|stichwörter|étiquettes|mots-clés|mots clés|sujets|etiquetas|palabras clave|tópicos|parole chiave|trefwoorden|onderwerpen|теги|метки|ключевые слова|темы|etiketler|anahtar kelimeler|الكلمات المفتاحية|وسوم|标签|关键词|kategorien|catégories|categorías|categorie|categorieën|рубрики|kategoriler) ?[:：]?$/iu, maxChars: 30 },
    { id: 'tags.label-list', pattern: /^(tags|tag|topics|topic|filed under|categories|category|keywords|related topics|more on|assuntos|argomenti|temas|themen|thema|schlagwörter|schlagworte|stichwörter|étiquettes|mots-clés|mots clés|sujets|etiquetas|palabras clave|tópicos|parole chiave|trefwoorden|onderwerpen|теги|метки|ключевые слова|темы|etiketler|anahtar kelimeler|الكلمات المفتاحية|وسوم|标签|关键词|kategorien|catégories|categorías|categorie|categorieën|рубрики|kategoriler) ?[:：] ?\S.{0,160}$/iu, maxChars: 180 },
    { id: 'tags.posted-in', pattern: /^(this entry was posted|dieser eintrag wurde[\p{L}\d .,]{0,36} veröffentlicht|cette entrée a été publiée|esta entrada fue publicada|questa voce è stata pubblicata|deze entry is geplaatst|este post foi publicado)\b.{0,240}$/iu, maxChars: 300 },
    { id: 'tags.separators-only', pattern: /^[\s,;|•·]{3,}$/, maxChars: 200 },
    { id: 'tags.hashtags', pattern: /^#[\p{L}\d_]{2,40} #[\p{L}\d_ #]{2,300}$/u, maxChars: 300 },
  ],
};

export const AD_MARKER: RuleTable = {
  category: 'ad-marker',
  rules: [
    { id: 'ad.label', pattern: /^-*\s*(advertisement|advertising|advert|iklan|anuncio|sponsored|ad|ads|paid (content|post|partner)|promoted( content)?|publicidade|pubblicità|anzeige|anzeigen|werbung|publicité|publicite|publicidad|advertentie|reclame|реклама|إعلان|اعلان|reklam|广告|gesponsert|sponsorisé|patrocinado|sponsored by|weiter nach der (anzeige|werbung)|lesen sie nach der anzeige weiter|(la )?suite (après|de l'article après) (la|cette) publicit[ée]|continúa después de la publicidad|continua dopo la pubblicità|продолжение (ниже|после рекламы)|reklamdan sonra devam ediyor|story continues below( advertisement)?|continue reading (the )?(main )?(story|below)|article continues (below|after)( advertisement)?)\s*-*:?$/iu, maxChars: 60 },
    { id: 'ad.affiliate', pattern: /\b(we may (earn|receive|get) (a )?(small )?(commission|compensation|share)|affiliate (links?|commission)|contains? affiliate)\b|\b(enthält|beinhaltet) (werbung|affiliate|anzeigen|provisionslinks)|\baffiliate-links?\b|contient des liens (affiliés|sponsorisés)|liens affiliés|enlaces de afiliados|link affiliati|partnerlinks/iu, maxChars: 300 },
  ],
};

export const WIDGET: RuleTable = {
  category: 'widget',
  rules: [
    { id: 'widget.weather', pattern: /^[|•]?\s*-?\d{1,3}(\.\d)?\s*°\s*[CF]?\s*[\p{L} ,-]{0,30}$/u, maxChars: 40 },
    { id: 'widget.market-label', pattern: /^(markets?|stocks?|dow( jones)?|nasdaq|s&p 500|ftse 100)\s*[+-−]?\d|^[A-Z.^]{1,8}\s+[\d,]+\.\d{2}\s+[+-−]?[\d.]+\s*\(?[+-−]?[\d.]+%\)?$/i, maxChars: 60 },
  ],
};

export const COMMENTS_PROMPT: RuleTable = {
  category: 'comments',
  rules: [
    { id: 'comments.join', pattern: /^(join the (conversation|discussion|debate)|leave a (comment|reply)|add (a|your) comment|post a comment|view comments|view comment|show comments|comments|comment|comment on this (story|article)|have your say|what do you think\?|what do you think|discuss this (story|article)|be the first to comment|load comments)\b.{0,40}$/i, maxChars: 80 },
    { id: 'comments.join-intl', pattern: /^(отзывы|добавить отзыв|комментарии|оставить комментарий|coment[aá]rios?|deixe (seu|um) coment[aá]rio|deja (un|tu) comentario|escribe un comentario|commenti|lascia un commento|kommentare|kommentar( schreiben)?|kommentieren|(noch )?keine kommentare|schreibe einen kommentar|hinterlasse einen kommentar|diskutieren sie mit|kommentar hinzufügen|kommentieren sie( hier)?|commentaires|laisser un commentaire|ajouter un commentaire|réagir|réactions|reacties|reageer|laat een reactie achter|plaats een reactie|yorumlar|yorum (yap|yaz)|التعليقات|تعليقات|أضف تعليق|اترك تعليقا|评论|发表评论|网友评论)\s*[:(\d)]*$/iu, maxChars: 45 },
    { id: 'comments.rating', pattern: /^(rating|votes|vote|score|likes|like|points|point) ?:? ?[+-]?\d{1,6}( votes| vote| points| likes)?$|^(reply|report|flag|quote|permalink|like reply)$/i, maxChars: 30 },
    { id: 'comments.author-said', pattern: /^.{2,60} (on|at) .{4,40}\d( [ap]m| [ap]\.m\.)? (said|says|wrote):$|^.{2,40} (said|says|wrote) on .{4,40}\d:?$/i, maxChars: 120 },
    { id: 'comments.count', pattern: /^[[(]?\s*\d{1,6}\s+(comments?|replies|responses|kommentare?|commentaires?|comentarios?|coment[aá]rios|commenti|reacties|комментари\p{L}{0,2}|yorum|تعليقات|تعليق|条评论)\s*[\])]?$|^(top|most|best) (rated|recent|popular|liked|voted) (comments|replies)$|^(oldest|newest|sort by|view all|show more)( comments| replies)?\)?$|^\(view all\)$/iu, maxChars: 40 },
    { id: 'comments.policy', pattern: /\b(comments? (are|is) (closed|moderated)|coment[aá]rios\b.{0,160}\bmodera(dor|dores|ção|dos|das)\b|moderat(e|es|ing) (all )?comments|community guidelines|you must be logged in to (post a )?comment|commenting (policy|guidelines))\b|\bakismet\b/i, maxChars: 300 },
    { id: 'comments.letters', pattern: /\bletters? to the editor\b|^\[? ?read all comments ?\]?$/i, maxChars: 250 },
    { id: 'comments.tell-us', pattern: /^(tell us what you think|post (a )?comment|join (our|the) [\p{L} ]{0,30}(forums?|community))\b/iu, maxChars: 200 },
  ],
};

export const IMAGE_PLACEHOLDER: RuleTable = {
  category: 'image-placeholder',
  rules: [
    { id: 'image.alt-label', pattern: /^[•·*-]?\s*(image|photo|picture|img|thumbnail|placeholder|loading( image)?\.*|image \d+ of \d+)$|^[•·*-]?\s*\d{1,2}x\d{1,2} image$/i, maxChars: 24 },
    { id: 'image.file-name', pattern: /^[\w-]{1,80}\.(jpe?g|png|gif|webp|svg)$/i, maxChars: 90 },
  ],
};

/** Every keyword table, in the order they are tried (first match wins). */
export const CHROME_TABLES: readonly RuleTable[] = [
  SYNDICATION_DISCLAIMER,
  AGENCY_BOILERPLATE,
  NEWSLETTER_PROMPT,
  BYLINE_DATELINE,
  CORRECTION_BOX,
  CAPTION_CREDIT,
  VIDEO_EMBED,
  RELATED_LIST,
  READER_POLL,
  SHARE_BAR,
  NAVIGATION,
  COOKIE_CONSENT,
  TAG_LIST,
  AD_MARKER,
  WIDGET,
  COMMENTS_PROMPT,
  IMAGE_PLACEHOLDER,
];
