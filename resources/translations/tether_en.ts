<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_US">
<context>
    <name>AccountValidation</name>
    <message numerus="yes">
        <source>the %1 is longer than %n characters</source>
        <translation>
            <numerusform>the %1 is longer than %n character</numerusform>
            <numerusform>the %1 is longer than %n characters</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HumanTime</name>
    <message numerus="yes">
        <source>%n day(s)</source>
        <translation>
            <numerusform>%n day</numerusform>
            <numerusform>%n days</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n year(s)</source>
        <translation>
            <numerusform>%n year</numerusform>
            <numerusform>%n years</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n minute(s)</source>
        <translation>
            <numerusform>in %n minute</numerusform>
            <numerusform>in %n minutes</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n hour(s)</source>
        <translation>
            <numerusform>in %n hour</numerusform>
            <numerusform>in %n hours</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>in %n day(s)</source>
        <translation>
            <numerusform>in %n day</numerusform>
            <numerusform>in %n days</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tether::AuthorizationFlow</name>
    <message numerus="yes">
        <source>the sign-in was not completed within %n second(s)</source>
        <translation>
            <numerusform>the sign-in was not completed within %n second</numerusform>
            <numerusform>the sign-in was not completed within %n seconds</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the sign-in was not completed within %n minute(s)</source>
        <translation>
            <numerusform>the sign-in was not completed within %n minute</numerusform>
            <numerusform>the sign-in was not completed within %n minutes</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tether::MainWindow</name>
    <message numerus="yes">
        <source>%n account(s) will no longer be refreshed until Tether starts again. Quit Tether?</source>
        <translation>
            <numerusform>%n account will no longer be refreshed until Tether starts again. Quit Tether?</numerusform>
            <numerusform>%n accounts will no longer be refreshed until Tether starts again. Quit Tether?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) need you to sign in again: %1.</source>
        <translation>
            <numerusform>%n account needs you to sign in again: %1.</numerusform>
            <numerusform>%n accounts need you to sign in again: %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n account(s) not connected yet: %1.</source>
        <translation>
            <numerusform>%n account is not connected yet: %1.</numerusform>
            <numerusform>%n accounts are not connected yet: %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>tether::StatusItem</name>
    <message numerus="yes">
        <source>%n account(s) need attention</source>
        <translation>
            <numerusform>%n account needs attention</numerusform>
            <numerusform>%n accounts need attention</numerusform>
        </translation>
    </message>
</context>
</TS>
