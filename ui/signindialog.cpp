#include "signindialog.h"

#include "accounts/signin.h"
#include "core/humantime.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QUrl>
#include <QVBoxLayout>

namespace tether {

SignInDialog::SignInDialog(const QString &accountName, QWidget *parent)
    : QDialog(parent),
      m_text(new QLabel),
      m_url(new QLineEdit),
      m_code(new QLabel),
      m_notice(new QLabel)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to %1").arg(accountName));
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
    layout->addWidget(m_text);
    layout->addWidget(m_code);
    layout->addLayout(row);
    layout->addWidget(m_notice);
    layout->addWidget(buttons);
    layout->setSizeConstraint(QLayout::SetMinimumSize);
    resize(std::max(560, sizeHint().width()), sizeHint().height());
}

void SignInDialog::showProgress(const SignInProgress &progress)
{
    m_url->setText(progress.url.toString(QUrl::FullyEncoded));
    if (progress.device) {
        const DeviceCode &code = *progress.device;
        m_text->setText(tr("On any device with a browser, open the address below and enter this "
                           "code. It expires at %1.")
                                .arg(humantime::instant(code.expiresAt)));
        m_code->setText(code.userCode);
        m_code->setAccessibleName(tr("Code: %1").arg(code.userCode));
        m_code->setVisible(true);
        if (!code.verificationUriComplete.isEmpty())
            m_url->setText(code.verificationUriComplete.toString(QUrl::FullyEncoded));
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
