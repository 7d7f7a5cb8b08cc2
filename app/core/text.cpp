#include "text.h"

namespace tether::text {

QString forTerminal(const QString &text)
{
    QString out;
    out.reserve(text.size());
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = (u < 0x20 && u != u'\n' && u != u'\t') || (u >= 0x7f && u <= 0x9f);
        if (!control && c.category() != QChar::Other_Format)
            out += c;
    }
    return out;
}

QString fromServer(const QString &text, qsizetype maxLength)
{
    QString out;
    out.reserve(std::min(text.size(), maxLength + 1));
    bool space = false;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        const bool control = u < 0x20 || (u >= 0x7f && u <= 0x9f);
        if (control || c.category() == QChar::Other_Format) {
            // A tab or line break separates words; anything else simply goes.
            space = space || u == u'\t' || u == u'\n' || u == u'\r';
            continue;
        }
        if (c.isSpace()) {
            space = true;
            continue;
        }
        if (space && !out.isEmpty())
            out += QLatin1Char(' ');
        space = false;
        out += c;
        if (out.size() > maxLength)
            break;
    }
    if (out.size() > maxLength) {
        out.truncate(maxLength);
        out += QChar(0x2026);
    }
    return out;
}

bool isB64Token(const QString &token)
{
    qsizetype i = 0;
    for (; i < token.size(); ++i) {
        const char16_t c = token[i].unicode();
        const bool ok = (c >= u'A' && c <= u'Z') || (c >= u'a' && c <= u'z')
                        || (c >= u'0' && c <= u'9') || c == u'-' || c == u'.' || c == u'_'
                        || c == u'~' || c == u'+' || c == u'/';
        if (!ok)
            break;
    }
    if (i == 0)
        return false;
    for (; i < token.size(); ++i) {
        if (token[i] != QLatin1Char('='))
            return false;
    }
    return true;
}

} // namespace tether::text
