#include "identifier.h"

namespace tether {

bool isIdentifier(QStringView text, qsizetype maxLength, bool uppercase,
                  QLatin1StringView punctuation)
{
    if (text.isEmpty() || text.size() > maxLength)
        return false;
    for (qsizetype i = 0; i < text.size(); ++i) {
        const char16_t c = text[i].unicode();
        const bool alphanumeric = (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'z')
                                  || (uppercase && c >= u'A' && c <= u'Z');
        if (!alphanumeric && (i == 0 || c > 0x7f || !punctuation.contains(QLatin1Char(char(c)))))
            return false;
    }
    return true;
}

} // namespace tether
