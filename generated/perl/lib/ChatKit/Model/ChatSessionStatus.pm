package ChatKit::Model::ChatSessionStatus;

use strict;
use warnings;

use ChatKit::Runtime::Types ();

our $VERSION = '0.1.0';

my $TYPE   = { t => 'enum', base => 'string', values => [ 'active', 'expired', 'cancelled' ] };
my @VALUES = ( 'active', 'expired', 'cancelled', );

sub ACTIVE { return 'active' }

sub EXPIRED { return 'expired' }

sub CANCELLED { return 'cancelled' }

# The known values.
sub values {    ## no critic (Subroutines::ProhibitBuiltinHomonyms)
    return @VALUES;
}

# Whether a value is one the schema lists (an unknown one is kept, never rejected).
sub is_known {
    my ( undef, $value ) = @_;
    return 0 if !defined $value || ref $value;
    for my $known (@VALUES) {
        return 1 if $known eq $value;
    }
    return 0;
}

sub _type { return $TYPE }

# The value checked against the schema; dies with ChatKit::Error::Validation.
sub check {
    my ( undef, $value ) = @_;
    return ChatKit::Runtime::Types::decode_value( $TYPE, $value, q{} );
}

1;

__END__

=encoding utf8

=head1 NAME

ChatKit::Model::ChatSessionStatus - Lifecycle state of a ChatKit session.

=head1 DESCRIPTION

Lifecycle state of a ChatKit session.

=head1 VALUES

An open enum: values the schema does not list are kept; C<is_known> tells them apart.

=over 4

=item ACTIVE

=item EXPIRED

=item CANCELLED

=item values

=item is_known($value)

=item check($value)

=back

=cut
