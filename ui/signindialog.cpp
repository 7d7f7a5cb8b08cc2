#include "signindialog.h"

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
    : QDialog(parent), m_text(new QLabel), m_url(new QLineEdit)
{
    setWindowTitle(tr("Sign in to %1").arg(accountName));
    m_text->setWordWrap(true);
    m_text->setText(tr("Opening the sign-in page…"));
    m_url->setReadOnly(true);
    m_url->setAccessibleName(tr("Sign-in address"));
    auto *copy = new QPushButton(tr("&Copy"));
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(m_url->text()); });
    auto *row = new QHBoxLayout;
    row->addWidget(m_url, 1);
    row->addWidget(copy);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_text);
    layout->addLayout(row);
    layout->addWidget(buttons);
    resize(560, sizeHint().height());
}

void SignInDialog::setUrl(const QUrl &url, bool browserOpened)
{
    m_url->setText(url.toString(QUrl::FullyEncoded));
    m_text->setText(browserOpened ? tr(
                            "Sign in and approve in the browser window that opened. If it did not "
                            "open, copy this address into a browser:")
                                  : tr("Copy this address into a browser, sign in and approve:"));
}

} // namespace tether
