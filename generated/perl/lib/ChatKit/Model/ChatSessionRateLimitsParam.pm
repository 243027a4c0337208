package ChatKit::Model::ChatSessionRateLimitsParam;

use strict;
use warnings;

use parent -norequire, 'ChatKit::Runtime::Model';
use ChatKit::Runtime::Model ();

our $VERSION = '0.1.0';

my @FIELDS = (
    {   arg      => 'max_requests_per_1_minute',
        key      => 'max_requests_per_1_minute',
        required => 0,
        secret   => 0,
        type     => { t => 'integer', minimum => 1 }
    },
);

sub _fields { return \@FIELDS }

__PACKAGE__->_install_accessors;

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionRateLimitsParam - Controls request rate limits for the session.

=head1 DESCRIPTION

Controls request rate limits for the session.

=head1 SYNOPSIS

    my $value = ChatKit::Model::ChatSessionRateLimitsParam->new(...);
    my $same  = ChatKit::Model::ChatSessionRateLimitsParam->from_hash( $value->to_hash );

=head1 FIELDS

Each field has a read-only accessor and a C<has_> predicate, true when the field
was given (even as C<undef>, JSON null).

=over 4

=item max_requests_per_1_minute

C<max_requests_per_1_minute>: Int. Maximum number of requests allowed per minute for the session. Defaults to 10.

=item has_max_requests_per_1_minute

=back

=head1 METHODS

See L<ChatKit::Runtime::Model>: C<new>, C<from_hash>, C<from_json>, C<to_hash>,
C<to_json>, C<extra_fields>, C<get>, C<dump>.

=cut
