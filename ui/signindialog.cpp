#include "signindialog.h"

#include "accounts/signin.h"
#include "core/humantime.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPainter>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>
#include <qrencode.h>

namespace tether {

namespace {

// A QR code of `text` (libqrencode), dark modules on white with the four-module quiet zone the
// standard asks for, scaled by whole pixels so that every module stays sharp. Null if it cannot
// be encoded.
QImage qrImage(const QByteArray &text, int modulePixels)
{
    QRcode *code = QRcode_encodeString(text.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return {};
    const int quiet = 4;
    const int side = (code->width + 2 * quiet) * modulePixels;
    QImage image(side, side, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    for (int y = 0; y < code->width; ++y) {
        for (int x = 0; x < code->width; ++x) {
            if (code->data[y * code->width + x] & 1)
                painter.fillRect((x + quiet) * modulePixels, (y + quiet) * modulePixels,
                                 modulePixels, modulePixels, Qt::black);
        }
    }
    painter.end();
    QRcode_free(code);
    return image;
}

} // namespace

SignInDialog::SignInDialog(const QString &accountName, QWidget *parent)
    : QDialog(parent),
      m_text(new QLabel),
      m_url(new QLineEdit),
      m_code(new QLabel),
      m_qr(new QLabel),
      m_notice(new QLabel)
{
    setObjectName(QStringLiteral("signInDialog"));
    // The account's name in full, in the dialog: a window manager cuts a long title where it
    // likes ("Sign in to … ute tokens").
    setWindowTitle(tr("Sign in"));
    auto *heading = new QLabel(tr("Sign in to %1").arg(accountName));
    heading->setObjectName(QStringLiteral("signInHeading"));
    heading->setWordWrap(true);
    QFont strong = heading->font();
    strong.setBold(true);
    strong.setPointSizeF(strong.pointSizeF() * 1.2);
    heading->setFont(strong);
    m_text->setWordWrap(true);
    m_text->setText(tr("Opening the sign-in page…"));
    m_url->setReadOnly(true);
    m_url->setObjectName(QStringLiteral("signInAddress"));
    m_url->setAccessibleName(tr("Sign-in address"));
    m_code->setObjectName(QStringLiteral("signInCode"));
    m_code->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_code->setVisible(false);
    QFont big = m_code->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    m_code->setFont(big);
    m_qr->setObjectName(QStringLiteral("signInQrCode"));
    m_qr->setVisible(false);
    m_qr->setAlignment(Qt::AlignCenter);
    m_notice->setObjectName(QStringLiteral("signInNotice"));
    m_notice->setWordWrap(true);
    m_notice->setVisible(false);
    auto *copy = new QPushButton(tr("C&opy address"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_url->text()); });
    auto *row = new QHBoxLayout;
    row->addWidget(m_url, 1);
    row->addWidget(copy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(heading);
    layout->addWidget(m_text);
    layout->addWidget(m_code);
    layout->addWidget(m_qr);
    layout->addLayout(row);
    layout->addWidget(m_notice);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    resize(std::max(560, sizeHint().width()), sizeHint().height());
}

void SignInDialog::showProgress(const SignInProgress &progress)
{
    m_url->setText(progress.url.toString(QUrl::FullyEncoded));
    m_url->setCursorPosition(0); // the start of an address says where it goes, not its end
    if (progress.device) {
        const DeviceCode &code = *progress.device;
        m_text->setText(tr("On any device with a browser, open the address below and enter this "
                           "code. It expires at %1.")
                                .arg(humantime::instant(code.expiresAt)));
        m_code->setText(code.userCode);
        m_code->setAccessibleName(tr("Code: %1").arg(code.userCode));
        m_code->setVisible(true);
        if (!code.verificationUriComplete.isEmpty()) {
            m_url->setText(code.verificationUriComplete.toString(QUrl::FullyEncoded));
            m_url->setCursorPosition(0);
        }
        // For a phone: the address with the code in it where the server gives one, else the
        // address alone (the code is then typed there).
        const QUrl target = code.verificationUriComplete.isEmpty() ? code.verificationUri
                                                                   : code.verificationUriComplete;
        const int modulePixels = std::max(3, fontMetrics().height() / 4);
        const QImage qr = qrImage(target.toString(QUrl::FullyEncoded).toUtf8(), modulePixels);
        if (!qr.isNull()) {
            QPixmap pixmap = QPixmap::fromImage(qr);
            m_qr->setPixmap(pixmap);
            m_qr->setAccessibleName(tr("QR code of the sign-in address"));
            m_qr->setAccessibleDescription(target.toString());
            m_qr->setVisible(true);
        }
    } else {
        m_text->setText(progress.browserOpened
                                ? tr("Sign in and approve in the browser window that opened. If "
                                     "it did not open, copy this address into a browser:")
                                : tr("Copy this address into a browser, sign in and approve:"));
    }
    if (!progress.notice.isEmpty()) {
        m_notice->setText(progress.notice);
        m_notice->setVisible(true);
    }
    adjustSize();
}

} // namespace tether
