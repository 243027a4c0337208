package ChatKit::Model::Error;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    { arg => 'message', key => 'message', required => 1, secret => 0, type => { t => 'string' } },
    { arg => 'type',    key => 'type',    required => 1, secret => 0, type => { t => 'string' } },
    {   arg      => 'param',
        key      => 'param',
        required => 1,
        secret   => 0,
        type     => { t => 'nullable', of => { t => 'string' } }
    },
    {   arg      => 'code',
        key      => 'code',
        required => 1,
        secret   => 0,
        type     => { t => 'nullable', of => { t => 'string' } }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::Error - Details of an API error.

=head1 DESCRIPTION

Details of an API error.

=head1 SYNOPSIS

    my $value = ChatKit::Model::Error->new(...);
    my $same  = ChatKit::Model::Error->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item message (required)

C<message>: Str. A human-readable description of the error.

=item has_message

=item type (required)

C<type>: Str. The error category, e.g. `invalid_request_error` or `server_error`.

=item has_type

=item param (required)

C<param>: Maybe[Str]. The request parameter the error is about, or null.

=item has_param

=item code (required)

C<code>: Maybe[Str]. A machine-readable error code, or null.

=item has_code

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
