#include "isotime.h"

#include <QTimeZone>

namespace tether::isotime {

namespace {

QDateTime utc(QDate date, QTime time)
{
#if QT_VERSION >= QT_VERSION_CHECK(6, 5, 0)
    return QDateTime(date, time, QTimeZone::UTC);
#else
    return QDateTime(date, time, Qt::UTC);
#endif
}

void digits(char16_t *out, int value, int width)
{
    for (int i = width - 1; i >= 0; --i, value /= 10)
        out[i] = char16_t(u'0' + value % 10);
}

} // namespace

QString write(const QDateTime &instant)
{
    if (!instant.isValid())
        return {};
    const QDateTime t = instant.toUTC();
    const QDate date = t.date();
    const QTime time = t.time();
    if (date.year() < 0 || date.year() > 9999) // outside what four digits hold: Qt's form
        return t.toString(Qt::ISODate);
    QString text(20, Qt::Uninitialized);
    auto *out = reinterpret_cast<char16_t *>(text.data());
    digits(out, date.year(), 4);
    out[4] = u'-';
    digits(out + 5, date.month(), 2);
    out[7] = u'-';
    digits(out + 8, date.day(), 2);
    out[10] = u'T';
    digits(out + 11, time.hour(), 2);
    out[13] = u':';
    digits(out + 14, time.minute(), 2);
    out[16] = u':';
    digits(out + 17, time.second(), 2);
    out[19] = u'Z';
    return text;
}

QDateTime read(QStringView text)
{
    if (text.isEmpty())
        return {};
    if (text.size() == 20 && text[4] == u'-' && text[7] == u'-' && text[10] == u'T'
        && text[13] == u':' && text[16] == u':' && text[19] == u'Z') {
        bool ok = true;
        auto number = [&](int from, int length) {
            int value = 0;
            for (int i = from; i < from + length; ++i) {
                if (text[i] < u'0' || text[i] > u'9')
                    ok = false;
                value = value * 10 + (text[i].unicode() - u'0');
            }
            return value;
        };
        const QDate date(number(0, 4), number(5, 2), number(8, 2));
        const QTime time(number(11, 2), number(14, 2), number(17, 2));
        if (ok && date.isValid() && time.isValid())
            return utc(date, time);
    }
    const QDateTime t = QDateTime::fromString(text.toString(), Qt::ISODate);
    return t.isValid() ? t.toUTC() : QDateTime();
}

} // namespace tether::isotime
